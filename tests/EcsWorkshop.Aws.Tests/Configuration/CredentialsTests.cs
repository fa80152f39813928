using Amazon.Runtime.CredentialManagement;
using EcsWorkshop.Aws.Configuration;

namespace EcsWorkshop.Aws.Tests.Configuration;

public sealed class CredentialsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aws-profiles-").FullName;

    [Fact]
    public void A_named_profile_gives_its_keys()
    {
        var path = Path.Combine(_directory, "credentials");
        File.WriteAllText(path, "[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = work-secret\n");

        var credentials = AwsCredentialResolver.FromProfile("work", new SharedCredentialsFile(path)).GetCredentials();

        Assert.Equal("AKIDWORK", credentials.AccessKey);
        Assert.Equal("work-secret", credentials.SecretKey);
    }

    [Fact]
    public void A_missing_profile_is_a_clear_error()
    {
        var path = Path.Combine(_directory, "credentials");
        File.WriteAllText(path, "[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = s\n");

        var error = Assert.Throws<InvalidOperationException>(() => AwsCredentialResolver.FromProfile("play", new SharedCredentialsFile(path)));

        Assert.Contains("'play'", error.Message);
    }

    [Fact]
    public void Local_endpoint_settings_use_fixed_throwaway_keys_never_the_machines()
    {
        var settings = AwsClientSettings.ForLocalEndpoint(new Uri("http://127.0.0.1:4566"));

        Assert.Equal(AwsClientSettings.LocalAccessKeyId, settings.Credentials.GetCredentials().AccessKey);
        Assert.Equal("ap-northeast-1", settings.Region.SystemName);
    }

    [Fact]
    public void Settings_never_show_the_secret_key_when_printed()
    {
        var settings = AwsClientSettings.ForLocalEndpoint(new Uri("http://127.0.0.1:4566")) with
        {
            Credentials = new Amazon.Runtime.SessionAWSCredentials("ASIASECRETID", "very-secret-key", "very-secret-token"),
        };

        var printed = settings.ToString();

        Assert.Contains("ap-northeast-1", printed);
        Assert.Contains("http://127.0.0.1:4566", printed);
        Assert.DoesNotContain("very-secret", printed);
        Assert.DoesNotContain("ASIASECRETID", printed);
    }

    [Fact]
    public void A_registry_login_never_shows_its_password_when_printed()
    {
        var login = new EcsWorkshop.Aws.Ecr.RegistryLogin("AWS", "the-password", "https://123456789012.dkr.ecr.ap-northeast-1.amazonaws.com", null);

        Assert.DoesNotContain("the-password", login.ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
