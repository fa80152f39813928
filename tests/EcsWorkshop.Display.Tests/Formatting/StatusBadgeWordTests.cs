using EcsWorkshop.Display.Formatting;

namespace EcsWorkshop.Display.Tests.Formatting;

/// <summary>Status badges use AWS Japan's words and never a word the workbook uses for something else.</summary>
public sealed class StatusBadgeWordTests
{
    [Fact]
    public void Deprovisioning_is_resource_release_not_the_cleanup_lesson()
    {
        var badge = StatusBadge.For("DEPROVISIONING");

        Assert.Equal("DEPROVISIONING (リソース解放中)", badge.ToText());
        Assert.Equal(StatusKind.Progress, badge.Kind);
    }

    [Fact]
    public void A_task_the_service_scheduler_stopped_names_the_service_scheduler_without_a_long_vowel()
    {
        Assert.Equal("ServiceSchedulerInitiated (サービススケジューラが停止)", StatusBadge.For("ServiceSchedulerInitiated").ToText());
    }
}
