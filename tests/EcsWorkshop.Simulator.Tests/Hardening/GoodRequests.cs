using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// A request each operation accepts against a <see cref="FrozenSimulator"/>'s resources: what the bad input spoils.
/// An operation not listed here (a new one) gets a request generated from its shape, which may be refused but still
/// exercises every member.
/// </summary>
public static class GoodRequests
{
    /// <summary>The task definition the frozen simulator registers, and a good RegisterTaskDefinition.</summary>
    public static object TaskDefinition { get; } = new
    {
        family = FrozenSimulator.Family,
        executionRoleArn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        taskRoleArn = "arn:aws:iam::123456789012:role/fuzz-task",
        networkMode = "awsvpc",
        requiresCompatibilities = new[] { "FARGATE" },
        cpu = "256",
        memory = "512",
        runtimePlatform = new { cpuArchitecture = "X86_64", operatingSystemFamily = "LINUX" },
        ephemeralStorage = new { sizeInGiB = 21 },
        containerDefinitions = new[]
        {
            new
            {
                name = "web",
                image = FrozenSimulator.PublicImage,
                essential = true,
                cpu = 128,
                memory = 256,
                portMappings = new[] { new { containerPort = 80, protocol = "tcp" } },
                environment = new[] { new { name = "MODE", value = "fuzz" } },
                command = new[] { "serve" },
                healthCheck = new { command = new[] { "CMD-SHELL", "true" }, interval = 30, timeout = 5, retries = 3 },
                logConfiguration = new { logDriver = "awslogs", options = new Dictionary<string, string> { ["awslogs-group"] = FrozenSimulator.LogGroup, ["awslogs-region"] = "ap-northeast-1", ["awslogs-stream-prefix"] = "fuzz" } },
            },
        },
        tags = new[] { new { key = "team", value = "fuzz" } },
    };

    private static readonly object Network = new
    {
        awsvpcConfiguration = new { subnets = new[] { FrozenSimulator.Subnet }, securityGroups = new[] { FrozenSimulator.SecurityGroup }, assignPublicIp = "ENABLED" },
    };

    /// <summary>A good request for an operation, or null when none is written down.</summary>
    public static JsonObject? For(string operation, FrozenSimulator simulator)
    {
        object? request = operation switch
        {
            "CreateCluster" => new { clusterName = "fuzz-made", tags = new[] { new { key = "a", value = "b" } }, settings = new[] { new { name = "containerInsights", value = "enabled" } } },
            "DescribeClusters" => new { clusters = new[] { FrozenSimulator.Cluster }, include = new[] { "TAGS", "SETTINGS" } },
            "ListClusters" => new { maxResults = 10 },
            "DeleteCluster" => new { cluster = FrozenSimulator.EmptyCluster },
            "PutClusterCapacityProviders" => new
            {
                cluster = FrozenSimulator.EmptyCluster, capacityProviders = new[] { "FARGATE", "FARGATE_SPOT" },
                defaultCapacityProviderStrategy = new[] { new { capacityProvider = "FARGATE", weight = 1, @base = 1 }, new { capacityProvider = "FARGATE_SPOT", weight = 3, @base = 0 } },
            },
            "RegisterTaskDefinition" => TaskDefinition,
            "DescribeTaskDefinition" => new { taskDefinition = FrozenSimulator.Family, include = new[] { "TAGS" } },
            "ListTaskDefinitions" => new { familyPrefix = FrozenSimulator.Family, status = "ACTIVE", sort = "DESC", maxResults = 5 },
            "ListTaskDefinitionFamilies" => new { familyPrefix = "fuzz", status = "ACTIVE", maxResults = 5 },
            "DeregisterTaskDefinition" => new { taskDefinition = $"{FrozenSimulator.Family}:1" },
            "DeleteTaskDefinitions" => new { taskDefinitions = new[] { $"{FrozenSimulator.Family}:1" } },
            "CreateService" => new
            {
                cluster = FrozenSimulator.Cluster, serviceName = "fuzz-made", taskDefinition = FrozenSimulator.Family, desiredCount = 1,
                launchType = "FARGATE", platformVersion = "LATEST", networkConfiguration = Network,
                deploymentConfiguration = new { maximumPercent = 200, minimumHealthyPercent = 100, deploymentCircuitBreaker = new { enable = true, rollback = true } },
                deploymentController = new { type = "ECS" }, schedulingStrategy = "REPLICA", healthCheckGracePeriodSeconds = 0,
                tags = new[] { new { key = "a", value = "b" } }, propagateTags = "SERVICE", enableECSManagedTags = true,
            },
            "DescribeServices" => new { cluster = FrozenSimulator.Cluster, services = new[] { FrozenSimulator.Service }, include = new[] { "TAGS" } },
            "ListServices" => new { cluster = FrozenSimulator.Cluster, launchType = "FARGATE", schedulingStrategy = "REPLICA", maxResults = 5 },
            "UpdateService" => new
            {
                cluster = FrozenSimulator.Cluster, service = FrozenSimulator.Service, desiredCount = 2, taskDefinition = FrozenSimulator.Family,
                networkConfiguration = Network, forceNewDeployment = true,
                deploymentConfiguration = new { maximumPercent = 200, minimumHealthyPercent = 50 },
            },
            "DeleteService" => new { cluster = FrozenSimulator.Cluster, service = FrozenSimulator.Service, force = true },
            "RunTask" => new
            {
                cluster = FrozenSimulator.Cluster, taskDefinition = FrozenSimulator.Family, count = 1, launchType = "FARGATE",
                networkConfiguration = Network, startedBy = "fuzz", group = "family:fuzz",
                overrides = new { containerOverrides = new[] { new { name = "web", environment = new[] { new { name = "A", value = "b" } }, command = new[] { "x" } } }, cpu = "512", memory = "1024" },
                tags = new[] { new { key = "a", value = "b" } },
            },
            "StopTask" => new { cluster = FrozenSimulator.Cluster, task = simulator.TaskArn, reason = "fuzz" },
            "DescribeTasks" => new { cluster = FrozenSimulator.Cluster, tasks = new[] { simulator.TaskArn }, include = new[] { "TAGS" } },
            "ListTasks" => new { cluster = FrozenSimulator.Cluster, desiredStatus = "RUNNING", launchType = "FARGATE", maxResults = 5 },
            "TagResource" => new { resourceArn = simulator.ClusterArn, tags = new[] { new { key = "a", value = "b" } } },
            "UntagResource" => new { resourceArn = simulator.ClusterArn, tagKeys = new[] { "a" } },
            "ListTagsForResource" => new { resourceArn = simulator.ClusterArn },

            "CreateRepository" => new { repositoryName = "fuzz/made", imageTagMutability = "MUTABLE", imageScanningConfiguration = new { scanOnPush = false }, tags = new[] { new { Key = "a", Value = "b" } } },
            "DescribeRepositories" => new { repositoryNames = new[] { FrozenSimulator.Repository }, maxResults = 5 },
            "DeleteRepository" => new { repositoryName = FrozenSimulator.DoomedRepository, force = true },
            "GetAuthorizationToken" => new { },
            "ListImages" => new { repositoryName = FrozenSimulator.Repository, filter = new { tagStatus = "TAGGED" }, maxResults = 5 },
            "DescribeImages" => new { repositoryName = FrozenSimulator.Repository, imageIds = new[] { new { imageTag = "v1" } } },
            "BatchGetImage" => new { repositoryName = FrozenSimulator.Repository, imageIds = new[] { new { imageTag = "v1" } }, acceptedMediaTypes = new[] { "application/vnd.oci.image.manifest.v1+json" } },
            "PutImage" => new { repositoryName = FrozenSimulator.Repository, imageManifest = Encoding.UTF8.GetString(simulator.Image.Manifest), imageTag = "fuzz-v2" },
            "BatchDeleteImage" => new { repositoryName = FrozenSimulator.Repository, imageIds = new[] { new { imageTag = "fuzz-v2" } } },

            "CreateLogGroup" => new { logGroupName = "/fuzz/made", tags = new Dictionary<string, string> { ["a"] = "b" } },
            "DeleteLogGroup" => new { logGroupName = FrozenSimulator.DoomedLogGroup },
            "DescribeLogGroups" => new { logGroupNamePrefix = "/fuzz", limit = 5 },
            "CreateLogStream" => new { logGroupName = FrozenSimulator.LogGroup, logStreamName = "made" },
            "DescribeLogStreams" => new { logGroupName = FrozenSimulator.LogGroup, orderBy = "LastEventTime", descending = true, limit = 5 },
            "PutLogEvents" => new { logGroupName = FrozenSimulator.LogGroup, logStreamName = FrozenSimulator.LogStream, logEvents = new[] { new { timestamp = simulator.Clock.GetUtcNow().ToUnixTimeMilliseconds(), message = "hello" } } },
            "GetLogEvents" => new { logGroupName = FrozenSimulator.LogGroup, logStreamName = FrozenSimulator.LogStream, startFromHead = true, limit = 10 },
            "FilterLogEvents" => new { logGroupName = FrozenSimulator.LogGroup, logStreamNames = new[] { FrozenSimulator.LogStream }, filterPattern = "hello", limit = 10 },
            _ => null,
        };
        return request is null ? null : JsonSerializer.SerializeToNode(request)!.AsObject();
    }

    /// <summary>Names the frozen simulator's resources go by, for requests generated from a shape (by member name).</summary>
    public static Func<string, string?> NamesFor(FrozenSimulator simulator) => member => member switch
    {
        "cluster" or "clusterName" => FrozenSimulator.Cluster,
        "service" or "serviceName" => FrozenSimulator.Service,
        "taskDefinition" or "family" or "familyPrefix" => FrozenSimulator.Family,
        "task" => simulator.TaskArn,
        "resourceArn" => simulator.ClusterArn,
        "repositoryName" => FrozenSimulator.Repository,
        "registryId" => "123456789012",
        "imageTag" => "v1",
        "imageDigest" => simulator.Image.ManifestDigest,
        "logGroupName" or "logGroupIdentifier" => FrozenSimulator.LogGroup,
        "logStreamName" => FrozenSimulator.LogStream,
        "launchType" => "FARGATE",
        "networkMode" => "awsvpc",
        "cpu" => "256",
        "memory" => "512",
        "image" => FrozenSimulator.PublicImage,
        "name" or "containerName" => "web",
        "subnet" => FrozenSimulator.Subnet,
        "securityGroup" => FrozenSimulator.SecurityGroup,
        _ => null,
    };
}
