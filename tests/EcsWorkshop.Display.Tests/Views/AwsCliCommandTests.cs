using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Tests.Views;

public class AwsCliCommandTests
{
    private static readonly CliTarget Simulator = CliTarget.Simulator(new Uri("http://127.0.0.1:4566/"));

    [Fact]
    public void Simulator_commands_carry_the_endpoint_url_and_AWS_commands_do_not()
    {
        var command = AwsCliCommand.For("ecs", "list-clusters");

        Assert.Equal("aws --endpoint-url http://127.0.0.1:4566 ecs list-clusters", command.ToCommandLine(Simulator));
        Assert.Equal("aws ecs list-clusters", command.ToCommandLine(CliTarget.Aws()));
        Assert.Equal("aws --region ap-northeast-1 --profile workshop ecs list-clusters", command.ToCommandLine(CliTarget.Aws("ap-northeast-1", "workshop")));
    }

    [Fact]
    public void Values_are_quoted_only_where_the_shell_needs_it()
    {
        var command = AwsCliCommand.For("ecs", "stop-task")
            .With("cluster", "fargate-cluster")
            .With("task", "0123abcd")
            .With("reason", "it's done")
            .WithFlag("no-cli-pager");

        Assert.Equal("aws ecs stop-task --cluster fargate-cluster --task 0123abcd --reason 'it'\\''s done' --no-cli-pager",
            command.ToCommandLine(CliTarget.Aws()));
    }

    [Fact]
    public void Json_values_are_single_quoted_whole()
    {
        var command = AwsCliCommand.For("ecs", "run-task").With("overrides", "{\"cpu\":\"512\"}");

        Assert.Equal("aws ecs run-task --overrides '{\"cpu\":\"512\"}'", command.ToCommandLine(CliTarget.Aws()));
    }

    [Fact]
    public void Long_commands_are_shown_one_option_per_line_with_continuations()
    {
        var command = AwsCliCommand.For("ecs", "create-service")
            .With("cluster", "fargate-cluster")
            .With("service-name", "fargate-service")
            .With("task-definition", "sample-fargate:1")
            .With("desired-count", 1)
            .With("launch-type", "FARGATE")
            .With("network-configuration", "awsvpcConfiguration={subnets=[subnet-abcd1234],securityGroups=[sg-abcd1234]}");

        var shown = command.ToDisplayCommand(Simulator);

        Assert.Equal(
            "aws --endpoint-url http://127.0.0.1:4566 ecs create-service \\\n" +
            "    --cluster fargate-cluster \\\n" +
            "    --service-name fargate-service \\\n" +
            "    --task-definition sample-fargate:1 \\\n" +
            "    --desired-count 1 \\\n" +
            "    --launch-type FARGATE \\\n" +
            "    --network-configuration 'awsvpcConfiguration={subnets=[subnet-abcd1234],securityGroups=[sg-abcd1234]}'",
            shown);
    }

    [Fact]
    public void Arguments_are_the_unquoted_words_for_a_process()
    {
        var command = AwsCliCommand.For("ecs", "stop-task").With("reason", "it's done").With("count", (long?)null);

        Assert.Equal(["aws", "--endpoint-url", "http://127.0.0.1:4566", "ecs", "stop-task", "--reason", "it's done"], command.ToArguments(Simulator).ToArray());
    }
}
