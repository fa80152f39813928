using EcsWorkshop.Aws.Ecs.Model;

namespace EcsWorkshop.Aws.Tests.Support;

/// <summary>Requests the ECS tests build on: a small Fargate web task and what it needs.</summary>
public static class EcsFixtures
{
    /// <summary>A Fargate task definition (256 CPU, 512 MiB) with one nginx container that also sets its own memory (moto needs that to run it).</summary>
    public static RegisterTaskDefinitionRequest FargateWeb(string family) => new()
    {
        Family = family,
        NetworkMode = NetworkModes.Awsvpc,
        RequiresCompatibilities = [Compatibilities.Fargate],
        Cpu = "256",
        Memory = "512",
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "web",
                Image = "public.ecr.aws/nginx/nginx:1.27",
                Memory = 512,
                Essential = true,
                PortMappings = [new PortMapping { ContainerPort = 80, Protocol = "tcp" }],
            },
        ],
    };

    /// <summary>awsvpc networking in the given subnets and security groups, with a public IP.</summary>
    public static NetworkConfiguration InVpc(IReadOnlyList<string> subnets, IReadOnlyList<string> securityGroups) => new()
    {
        AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = subnets, SecurityGroups = securityGroups, AssignPublicIp = AssignPublicIpValues.Enabled },
    };
}
