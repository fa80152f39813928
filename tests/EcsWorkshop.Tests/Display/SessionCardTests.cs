using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Display;

public sealed class SessionCardTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task A_workshop_is_shown_as_a_session_card_with_its_mode_address_region_and_session()
    {
        await using var workshop = await simulator.NewWorkshopAsync();

        var text = WorkshopFormatters.ToText(workshop);
        var html = WorkshopFormatters.ToHtml(workshop);

        Assert.Contains("シミュレーター (AWS アカウントなし、料金なし)", text);
        Assert.Contains(workshop.Endpoint!.ToString(), text);
        Assert.Contains("ap-northeast-1", text);
        Assert.Contains($"ecs-workshop:session={workshop.SessionId}", text);
        Assert.Contains("ワークショップ", html);
        Assert.DoesNotContain("AbsolutePath", html);
    }
}
