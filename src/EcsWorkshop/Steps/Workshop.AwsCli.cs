using System.Collections.Immutable;
using System.Text.Json;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.AwsCli;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Sessions;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>
    /// Step: run an AWS CLI command as written (<c>aws ecs create-cluster --cluster-name demo</c>) with the real AWS
    /// CLI, against the session's target: the simulator (<c>--endpoint-url</c> added) or the AWS account (profile and
    /// region added). An error AWS answers is part of the result (exit code 254 and its message), not an exception.
    /// What the call created in ECS (a cluster, task definition, service or tasks) gets the session's tags, so the
    /// cleanup lesson deletes it too.
    /// </summary>
    public Task<StepResult<AwsCliRun>> RunAwsCliAsync(string commandLine, CancellationToken cancellationToken = default) =>
        Step("AWS CLI の実行", async () =>
        {
            var run = await AwsCliProcess.RunAsync(commandLine, CliTarget, cancellationToken, ClassroomKeys).ConfigureAwait(false);
            if (run.Succeeded)
            {
                var tagged = ImmutableArray.CreateBuilder<string>();
                foreach (var arn in CreatedEcsArns(run))
                {
                    await _aws.Ecs.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = Tags.ForEcs() }, cancellationToken).ConfigureAwait(false);
                    tagged.Add(arn);
                }
                run = run with { Tagged = tagged.ToImmutable() };
            }
            return _results.Of(run.Succeeded ? "AWS CLI のコマンドが成功しました" : $"AWS CLI のコマンドが失敗しました (終了コード {run.ExitCode})", run, null,
                run.Succeeded
                    ? "出力は AWS CLI がそのまま表示した JSON です。"
                    : "エラーの内容は「標準エラー出力」にあります。AWS が返したエラーコードとメッセージです。");
        });

    /// <summary>The JSON member and ARN name of what each ECS create call answers.</summary>
    private static readonly Dictionary<string, (string Member, string ArnName)> CreatingOperations = new(StringComparer.Ordinal)
    {
        ["create-cluster"] = ("cluster", "clusterArn"),
        ["register-task-definition"] = ("taskDefinition", "taskDefinitionArn"),
        ["create-service"] = ("service", "serviceArn"),
        ["run-task"] = ("tasks", "taskArn"),
    };

    /// <summary>The ARNs of the ECS resources an <c>aws ecs</c> create, register or run call answered.</summary>
    private static ImmutableArray<string> CreatedEcsArns(AwsCliRun run)
    {
        var words = run.Arguments.Skip(1).Where(w => !w.StartsWith('-')).Take(2).ToArray();
        if (words is not ["ecs", var operation] || !CreatingOperations.TryGetValue(operation, out var shape)) return [];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(run.Output);
        }
        catch (JsonException)
        {
            return [];
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(shape.Member, out var answered)) return [];
            var resources = answered.ValueKind == JsonValueKind.Array ? [.. answered.EnumerateArray()] : new[] { answered };
            return [.. resources
                .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty(shape.ArnName, out var arn) && arn.ValueKind == JsonValueKind.String)
                .Select(r => r.GetProperty(shape.ArnName).GetString()!)];
        }
    }
}
