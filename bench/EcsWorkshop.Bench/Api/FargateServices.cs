namespace EcsWorkshop.Bench.Api;

/// <summary>A cluster of Fargate services of one small web task definition, created over HTTP as a learner's calls would.</summary>
public static class FargateServices
{
    /// <summary>
    /// Creates <paramref name="cluster"/>, registers <paramref name="family"/> (256 CPU, 512 MiB, one nginx container)
    /// and <paramref name="services"/> services of <paramref name="desiredCount"/> tasks each, named by
    /// <paramref name="serviceName"/>; <paramref name="afterEach"/> runs after each service is created (given its name).
    /// </summary>
    public static async Task CreateAsync(AwsJsonClient ecs, string cluster, string family, int services, int desiredCount, Func<int, string> serviceName,
        CancellationToken cancellationToken, Func<string, Task>? afterEach = null)
    {
        await ecs.RequireAsync("CreateCluster", new { clusterName = cluster }, cancellationToken).ConfigureAwait(false);
        await ecs.RequireAsync("RegisterTaskDefinition", new
        {
            family,
            requiresCompatibilities = new[] { "FARGATE" },
            networkMode = "awsvpc",
            cpu = "256",
            memory = "512",
            containerDefinitions = new[] { new { name = "web", image = "public.ecr.aws/nginx/nginx:latest", essential = true } },
        }, cancellationToken).ConfigureAwait(false);
        var networkConfiguration = new { awsvpcConfiguration = new { subnets = new[] { "subnet-abcd1234" }, securityGroups = new[] { "sg-abcd1234" } } };
        for (var i = 0; i < services; i++)
        {
            await ecs.RequireAsync("CreateService", new
            {
                cluster, serviceName = serviceName(i), taskDefinition = $"{family}:1", desiredCount,
                launchType = "FARGATE", networkConfiguration,
            }, cancellationToken).ConfigureAwait(false);
            if (afterEach is not null) await afterEach(serviceName(i)).ConfigureAwait(false);
        }
    }
}
