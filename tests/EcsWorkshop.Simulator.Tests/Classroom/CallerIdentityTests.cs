namespace EcsWorkshop.Simulator.Tests.Classroom;

/// <summary>
/// Which account am I in? <c>aws sts get-caller-identity</c> answers each learner's own account (its root user), and
/// EC2 names that account as the owner of the learner's default VPC, subnets and security groups.
/// </summary>
public sealed class CallerIdentityTests(ClassroomSimulator room) : IClassFixture<ClassroomSimulator>
{
    [Fact(Timeout = 60_000)]
    public async Task Get_caller_identity_answers_each_learners_own_account()
    {
        var ofA = (await room.Cli(room.A).RunAsync("sts", "get-caller-identity")).Succeeded().Json;
        var ofB = (await room.Cli(room.B).RunAsync("sts", "get-caller-identity")).Succeeded().Json;

        Assert.Equal(room.A.AccountId, ofA.GetProperty("Account").GetString());
        Assert.Equal($"arn:aws:iam::{room.A.AccountId}:root", ofA.GetProperty("Arn").GetString());
        Assert.Equal(room.B.AccountId, ofB.GetProperty("Account").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task Ec2_names_the_learners_account_as_the_owner_of_their_default_security_group()
    {
        var group = (await room.Cli(room.B).RunAsync("ec2", "describe-security-groups", "--group-names", "default")).Succeeded().Json
            .GetProperty("SecurityGroups")[0];
        var owned = (await room.Cli(room.B).RunAsync("ec2", "describe-vpcs", "--filters", $"Name=owner-id,Values={room.B.AccountId}")).Succeeded().Json
            .GetProperty("Vpcs");
        var subnets = (await room.Cli(room.B).RunAsync("ec2", "describe-subnets")).Succeeded().Json.GetProperty("Subnets");

        Assert.Equal(room.B.AccountId, group.GetProperty("OwnerId").GetString());
        Assert.NotEmpty(owned.EnumerateArray());
        Assert.All(subnets.EnumerateArray(), s => Assert.StartsWith($"arn:aws:ec2:ap-northeast-1:{room.B.AccountId}:subnet/", s.GetProperty("SubnetArn").GetString()));
    }
}
