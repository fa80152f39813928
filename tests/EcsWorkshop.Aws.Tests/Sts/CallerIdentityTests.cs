using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Sts;

public sealed class CallerIdentityTests(Backends backends) : BackendTests(backends)
{
    [Fact]
    public async Task The_caller_identity_names_the_account_and_an_ARN()
    {
        var identity = await Moto.Sts.GetCallerIdentityAsync();

        Assert.Equal("123456789012", identity.Account);
        Assert.StartsWith("arn:aws:", identity.Arn);
        Assert.False(string.IsNullOrEmpty(identity.UserId));
    }
}
