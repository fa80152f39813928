using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Explanations;

namespace EcsWorkshop.Display.Tests.Errors;

/// <summary>Each entry is found by the real AWS error (code and message as AWS sends them).</summary>
public class ErrorCatalogueTests
{
    private static readonly ErrorCatalogue Catalogue = ErrorCatalogue.Default;

    [Theory]
    // Task definitions (ClientException unless noted)
    [InlineData("ClientException", "No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS documentation for the valid values.", "fargate-size")]
    [InlineData("ClientException", "No Fargate configuration exists for given values.", "fargate-size")]
    [InlineData("ClientException", "Invalid 'cpu' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.", "task-size-unreadable")]
    [InlineData("ClientException", "Fargate only supports network mode \u2018awsvpc\u2019.", "fargate-network-mode")]
    [InlineData("ClientException", "Fargate only supports network mode 'awsvpc'.", "fargate-network-mode")]
    [InlineData("ClientException", "Fargate requires that 'cpu' be defined at the task level.", "fargate-task-size-missing")]
    [InlineData("ClientException", "Fargate requires that 'memory' be defined at the task level.", "fargate-task-size-missing")]
    [InlineData("ClientException", "Fargate requires task definition to have execution role ARN to support log driver awslogs.", "execution-role-awslogs")]
    [InlineData("ClientException", "Fargate requires task definition to have execution role ARN to support ECR images.", "execution-role-ecr")]
    [InlineData("ClientException", "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified.", "container-memory-missing")]
    [InlineData("ClientException", "When networkMode=awsvpc, the host ports and container ports in port mappings must match.", "port-mismatch")]
    [InlineData("ClientException", "hostname is not supported on container when networkMode=awsvpc.", "awsvpc-hostname")]
    [InlineData("ClientException", "The 'memory' setting for container 'worker' is greater than for the task.", "container-memory-exceeds-task")]
    [InlineData("ClientException", "Tasks using the Fargate launch type do not support ipcMode.", "fargate-unsupported-option")]
    [InlineData("ClientException", "Family contains invalid characters.", "family-invalid")]
    [InlineData("InvalidParameterException", "family must match ^[a-zA-Z0-9\\-_]+$", "family-invalid")]
    [InlineData("ClientException", "Container.name contains invalid characters.", "container-name-invalid")]
    [InlineData("ClientException", "Unable to describe task definition.", "task-definition-not-found")]
    [InlineData("ClientException", "TaskDefinition is inactive (web:2).", "task-definition-inactive")]
    // Clusters, services, tasks
    [InlineData("InvalidParameterException", "Cluster must match ^[a-zA-Z0-9\\-_]{1,255}$, but was bad cluster!", "cluster-name-invalid")]
    [InlineData("ClusterNotFoundException", "Cluster not found.", "cluster-not-found")]
    [InlineData("ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.", "cluster-contains-services")]
    [InlineData("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.", "cluster-contains-tasks")]
    [InlineData("ServiceNotFoundException", "Service not found.", "service-not-found")]
    [InlineData("ServiceNotActiveException", "Service was not ACTIVE.", "service-not-active")]
    [InlineData("InvalidParameterException", "Creation of service was not idempotent.", "service-not-idempotent")]
    [InlineData("InvalidParameterException", "The service cannot be stopped while it is scaled above 0.", "service-scaled-above-zero")]
    [InlineData("InvalidParameterException", "Network Configuration must be provided when networkMode 'awsvpc' is specified.", "network-configuration-missing")]
    [InlineData("InvalidParameterException", "Task definition does not support launch_type FARGATE.", "launch-type-incompatible")]
    [InlineData("InvalidParameterException", "Error retrieving subnet information for [subnet-0123]: The subnet ID 'subnet-0123' does not exist (ErrorCode: InvalidSubnetID.NotFound)", "subnet-not-found")]
    [InlineData("InvalidParameterException", "Unable to assume the service linked role. Please verify that the ECS service linked role exists.", "service-linked-role")]
    [InlineData("PlatformUnknownException", "The specified platform version does not exist: 9.9.9.", "platform-unknown")]
    [InlineData("UnsupportedFeatureException", "The specified feature is not supported in this region.", "unsupported-feature")]
    [InlineData("TargetNotConnectedException", "The execute command failed due to an internal error. Try again later.", "target-not-connected")]
    [InlineData("ServerException", "Service Unavailable. Please try again later.", "server-error")]
    // ECR
    [InlineData("RepositoryAlreadyExistsException", "The repository with name 'workshop/web' already exists in the registry with id '123456789012'", "ecr-repository-exists")]
    [InlineData("RepositoryNotFoundException", "The repository with name 'web' does not exist in the registry with id '123456789012'", "ecr-repository-not-found")]
    [InlineData("RepositoryNotEmptyException", "The repository with name 'web' in registry with id '123456789012' cannot be deleted because it still contains images", "ecr-repository-not-empty")]
    [InlineData("ImageTagAlreadyExistsException", "The image tag '1' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.", "ecr-tag-exists")]
    [InlineData("LayersNotFoundException", "Layers with digests [sha256:abc] required for pushing image into repository are not found.", "ecr-layers-not-found")]
    [InlineData("ImageNotFoundException", "Requested image not found", "ecr-image-not-found")]
    [InlineData("InvalidParameterException", "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''", "ecr-repository-name-invalid")]
    // CloudWatch Logs
    [InlineData("ResourceAlreadyExistsException", "The specified log group already exists", "logs-group-exists")]
    [InlineData("ResourceNotFoundException", "The specified log group does not exist.", "logs-group-not-found")]
    [InlineData("ResourceNotFoundException", "The specified log stream does not exist.", "logs-stream-not-found")]
    // Any service, real-account mode
    [InlineData("UnrecognizedClientException", "The security token included in the request is invalid.", "unrecognized-client")]
    [InlineData("InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.", "invalid-signature")]
    [InlineData("ExpiredTokenException", "The security token included in the request is expired", "expired-token")]
    [InlineData("AccessDeniedException", "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecs:CreateCluster on resource: *", "access-denied")]
    [InlineData("ThrottlingException", "Rate exceeded", "throttling")]
    // The registry
    [InlineData("UNAUTHORIZED", "authentication required", "registry-unauthorized")]
    [InlineData("NAME_UNKNOWN", "The repository with name 'web' does not exist in the registry with id '123456789012'", "registry-name-unknown")]
    [InlineData("MANIFEST_BLOB_UNKNOWN", "blob unknown to registry", "registry-manifest-blob-unknown")]
    [InlineData("TAG_INVALID", "The image tag '1' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.", "registry-tag-invalid")]
    public void Real_AWS_errors_find_their_entry(string code, string message, string entry)
    {
        var explanation = Catalogue.Explain(code, message);

        Assert.Equal(entry, explanation.EntryId);
        Assert.False(explanation.IsFallback);
        Assert.Equal(code, explanation.Code);
        Assert.Equal(message, explanation.Message);
    }

    [Theory]
    [InlineData("TaskFailedToStart", "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/web:2: not found", "stop-image-pull")]
    [InlineData("TaskFailedToStart", "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post \"https://api.ecr.ap-northeast-1.amazonaws.com/\": dial tcp 10.0.0.1:443: i/o timeout", "stop-registry-auth")]
    [InlineData("TaskFailedToStart", "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1", "stop-log-group-missing")]
    [InlineData("EssentialContainerExited", "Essential container in task exited", "stop-essential-exited")]
    [InlineData("UserInitiated", "Task stopped by user", "stop-user")]
    [InlineData("ServiceSchedulerInitiated", "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web/0123)", "stop-elb-health")]
    [InlineData("ServiceSchedulerInitiated", "Scaling activity initiated by (deployment ecs-svc/1234567890123456789)", "stop-scaling-activity")]
    [InlineData("ServiceSchedulerInitiated", "Something the scheduler says", "stop-scheduler")]
    [InlineData("TaskFailedToStart", "Something else went wrong", "stop-failed-to-start")]
    public void Task_stop_reasons_find_their_entry(string stopCode, string reason, string entry)
    {
        Assert.Equal(entry, Catalogue.ExplainStoppedTask(stopCode, reason).EntryId);
    }

    [Fact]
    public void A_container_reason_without_a_stop_code_is_matched_by_its_text()
    {
        var explanation = Catalogue.ExplainStoppedTask(null, "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref nginx:nope: not found");

        Assert.Equal("stop-image-pull", explanation.EntryId);
        Assert.Equal(ErrorSource.Task, explanation.Source);
    }

    [Fact]
    public void An_unknown_stop_code_is_still_explained_by_its_reason()
    {
        Assert.Equal("stop-image-pull", Catalogue.ExplainStoppedTask("SomeNewStopCode", "CannotPullContainerError: not found").EntryId);
    }

    [Fact]
    public void An_unknown_stop_falls_back_to_a_task_explanation_that_keeps_the_reason()
    {
        var explanation = Catalogue.ExplainStoppedTask("SomeNewStopCode", "Something unusual happened");

        Assert.True(explanation.IsFallback);
        Assert.Equal(ErrorSource.Task, explanation.Source);
        Assert.Equal("タスクが止まりました", explanation.Title.ToString());
        Assert.Equal("SomeNewStopCode", explanation.Code);
        Assert.Equal("Something unusual happened", explanation.Message);
    }

    [Fact]
    public void The_Fargate_size_error_carries_the_size_table_with_the_refused_pair()
    {
        var explanation = Catalogue.Explain("ClientException",
            "No Fargate configuration exists for given values: 512 CPU, 512 memory. See the Amazon ECS documentation for the valid values.");

        var request = explanation.SizeTable!.Request!;
        Assert.Equal(512, request.CpuUnits);
        Assert.Equal(512, request.MemoryMiB);
        Assert.False(request.IsValid);
        Assert.Contains("1,024〜4,096", request.Suggestion.ToString());
        Assert.Equal(ExplanationTopic.FargateSizes, explanation.Topic);
    }

    [Fact]
    public void The_older_Fargate_size_message_still_shows_the_whole_table()
    {
        var explanation = Catalogue.Explain("ClientException", "No Fargate configuration exists for given values.");

        Assert.NotNull(explanation.SizeTable);
        Assert.Null(explanation.SizeTable!.Request);
    }

    [Fact]
    public void Values_from_the_message_fill_the_explanation()
    {
        var explanation = Catalogue.Explain("ClientException", "The 'memory' setting for container 'worker' is greater than for the task.");

        Assert.Equal("コンテナ `worker` の `memory` がタスク全体のメモリを超えています", explanation.Title.ToString());
        Assert.Contains("コンテナの `memory` を小さくするか", explanation.Fix.ToString());
    }

    [Fact]
    public void The_fix_names_the_concrete_parameter()
    {
        Assert.Contains("\"networkMode\": \"awsvpc\"", Catalogue.Explain("ClientException", "Fargate only supports network mode \u2018awsvpc\u2019.").Fix.ToString());
        Assert.Contains("--network-configuration", Catalogue.Explain("InvalidParameterException", "Network Configuration must be provided when networkMode 'awsvpc' is specified.").Fix.ToString());
        Assert.Contains("--desired-count 0", Catalogue.Explain("InvalidParameterException", "The service cannot be stopped while it is scaled above 0.").Fix.ToString());
        Assert.Contains("executionRoleArn", Catalogue.Explain("ClientException", "Fargate requires task definition to have execution role ARN to support log driver awslogs.").Fix.ToString());
    }

    [Theory]
    [InlineData("com.amazonaws.ecs#ClusterNotFoundException", "cluster-not-found")]
    [InlineData("ClusterNotFoundException:http://internal.amazon.com/coral/com.amazonaws.ecs/", "cluster-not-found")]
    [InlineData("Throttling", "throttling")]
    [InlineData("AccessDenied", "access-denied")]
    [InlineData("ExpiredToken", "expired-token")]
    public void Codes_are_matched_however_the_SDK_spells_them(string code, string entry)
    {
        Assert.Equal(entry, Catalogue.Explain(code, "whatever").EntryId);
    }

    [Fact]
    public void The_same_code_with_an_unknown_message_falls_back_but_keeps_code_and_message()
    {
        var explanation = Catalogue.Explain("ClientException", "Something AWS added last week.");

        Assert.True(explanation.IsFallback);
        Assert.Null(explanation.EntryId);
        Assert.Equal("AWS がエラー `ClientException` を返しました", explanation.Title.ToString());
        Assert.Contains("`ClientException` は、リクエストの内容が ECS の決まりに合わないときの総称のエラーです。", explanation.WhatHappened.ToString());
        Assert.Equal("Something AWS added last week.", explanation.Message);
    }

    [Fact]
    public void An_unknown_code_falls_back_too()
    {
        var explanation = Catalogue.Explain("BrandNewException", "Nobody knows.");

        Assert.True(explanation.IsFallback);
        Assert.Equal("BrandNewException", explanation.Code);
        Assert.Equal("Nobody knows.", explanation.Message);
    }

    [Fact]
    public void Every_entry_has_Japanese_text_and_a_unique_id()
    {
        Assert.Equal(Catalogue.Entries.Length, Catalogue.Entries.Select(e => e.Id).Distinct().Count());
        foreach (var entry in Catalogue.Entries)
        {
            Assert.False(entry.Codes.IsDefaultOrEmpty, entry.Id);
            foreach (var text in new[] { entry.Title, entry.WhatHappened, entry.Why, entry.Fix })
                Assert.True(text.Any(c => c is >= '\u3040' and <= '\u30ff'), $"{entry.Id}: {text}");
        }
    }

    [Fact]
    public void Every_placeholder_in_an_entry_is_a_group_of_its_pattern()
    {
        var placeholder = new System.Text.RegularExpressions.Regex(@"\{([A-Za-z]+)\}");
        foreach (var entry in Catalogue.Entries)
        {
            var groups = entry.Message?.GetGroupNames() ?? [];
            foreach (var text in new[] { entry.Title, entry.WhatHappened, entry.Why, entry.Fix })
                foreach (System.Text.RegularExpressions.Match m in placeholder.Matches(text))
                    Assert.True(groups.Contains(m.Groups[1].Value), $"{entry.Id} uses {{{m.Groups[1].Value}}} which its pattern does not capture.");
        }
    }

    [Fact]
    public void The_catalogue_refuses_two_entries_with_one_id()
    {
        var entry = Catalogue.Entries[0];

        Assert.Throws<ArgumentException>(() => new ErrorCatalogue([entry, entry]));
    }
}
