using Amazon.Runtime.CredentialManagement;
using EcsWorkshop.Aws.Configuration;

namespace EcsWorkshop.Aws.Tests.Configuration;

public sealed class RegionResolutionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aws-profiles-").FullName;

    private SharedCredentialsFile Profiles(string content)
    {
        var path = Path.Combine(_directory, "credentials");
        File.WriteAllText(path, content);
        return new SharedCredentialsFile(path);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private static readonly SharedCredentialsFile NoProfiles = new(Path.Combine(Path.GetTempPath(), "no-such-dir", "credentials"));

    [Fact]
    public void An_explicit_region_wins_over_everything()
    {
        var found = AwsRegionResolver.Find("eu-west-1", null, Environment(("AWS_REGION", "us-east-1")), NoProfiles);

        Assert.Equal(("eu-west-1", AwsRegionResolver.Source.Explicit), (found!.Value.Region.SystemName, found.Value.Source));
    }

    [Fact]
    public void AWS_REGION_wins_over_AWS_DEFAULT_REGION()
    {
        var found = AwsRegionResolver.Find(null, null, Environment(("AWS_REGION", "eu-west-1"), ("AWS_DEFAULT_REGION", "ap-northeast-1")), NoProfiles);

        Assert.Equal(("eu-west-1", AwsRegionResolver.Source.AwsRegionVariable), (found!.Value.Region.SystemName, found.Value.Source));
    }

    [Fact]
    public void AWS_DEFAULT_REGION_is_honoured_as_the_AWS_CLI_does()
    {
        var found = AwsRegionResolver.Find(null, null, Environment(("AWS_DEFAULT_REGION", "ap-northeast-1")), NoProfiles);

        Assert.Equal(("ap-northeast-1", AwsRegionResolver.Source.AwsDefaultRegionVariable), (found!.Value.Region.SystemName, found.Value.Source));
    }

    [Fact]
    public void The_region_of_the_profile_named_by_AWS_PROFILE_is_used_when_no_variable_sets_one()
    {
        var profiles = Profiles("[default]\nregion = us-west-2\n[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = s\nregion = eu-central-1\n");

        var found = AwsRegionResolver.Find(null, null, Environment(("AWS_PROFILE", "work")), profiles);

        Assert.Equal(("eu-central-1", AwsRegionResolver.Source.Profile), (found!.Value.Region.SystemName, found.Value.Source));
    }

    [Fact]
    public void The_default_profile_is_used_without_AWS_PROFILE()
    {
        var profiles = Profiles("[default]\naws_access_key_id = AKIDDEF\naws_secret_access_key = s\nregion = us-west-2\n");

        var found = AwsRegionResolver.Find(null, null, Environment(), profiles);

        Assert.Equal("us-west-2", found!.Value.Region.SystemName);
    }

    [Fact]
    public void Nothing_set_means_no_region()
    {
        Assert.Null(AwsRegionResolver.Find(null, null, Environment(), NoProfiles));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
