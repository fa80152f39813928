using EcsWorkshop.Aws;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Display;

public sealed class SecretTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task No_registry_password_or_access_key_appears_in_any_string_or_formatted_output()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var password = (await workshop.Aws.Ecr.GetRegistryLoginAsync()).Password;
        var credentials = await workshop.Aws.Settings.Credentials.GetCredentialsAsync();
        var repository = Unique.Name("secret-app");
        var created = await workshop.CreateRepositoryAsync(repository);
        var built = await workshop.BuildImageAsync(BuildContexts.Small(), repository);
        var pushed = await workshop.PushImageAsync(built.Value);
        var check = await workshop.Checks.ImageIsPushedAsync(repository);
        var cleanup = await workshop.CleanupAsync();

        object[] shown = [workshop, workshop.Aws.Settings, created, built, pushed, check, cleanup, workshop.Tags];
        var outputs = shown.SelectMany(v => new[] { v.ToString() ?? "", WorkshopFormatters.ToHtml(v), WorkshopFormatters.ToText(v) }).ToList();

        Assert.NotEmpty(password);
        Assert.All(outputs, o =>
        {
            Assert.DoesNotContain(password, o);
            Assert.DoesNotContain(credentials.SecretKey, o);
            Assert.DoesNotContain(credentials.AccessKey, o);
            Assert.DoesNotContain(AwsClientSettings.LocalAccessKeyId, o);
        });
    }
}
