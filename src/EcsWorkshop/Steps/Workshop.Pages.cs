using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Docker;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop;

/// <summary>The page a task's container answered at its loopback URL (or why there is none).</summary>
public sealed record TaskPage
{
    /// <summary>The task.</summary>
    public required string TaskId { get; init; }

    /// <summary>The URL asked (<c>http://127.0.0.1:PORT/</c>), or null when the task publishes no port here.</summary>
    public Uri? Url { get; init; }

    /// <summary>The HTTP status code, or null when nothing was asked.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The HTML the container returned, or null.</summary>
    public string? Html { get; init; }

    /// <summary>True when the container answered 200 with a page.</summary>
    public bool Answered => StatusCode == 200 && Html is not null;
}

public sealed partial class Workshop
{
    /// <summary>
    /// Step: open the sample page of a running task, as a browser would, at the loopback URL the simulator published
    /// for its container port (<c>/_workshop/endpoints</c>), and show the HTML it got. On the simulated runtime no
    /// container runs, so there is no page: the result says so instead of failing.
    /// </summary>
    public Task<StepResult<TaskPage>> OpenTaskPageAsync(string task, string path = "/", CancellationToken cancellationToken = default) =>
        Step("タスクのページを開く", async () =>
        {
            if (Mode != WorkshopMode.Simulator)
                throw Errors.WorkshopStepException.Workshop("タスクのページを開く", "NotInAwsMode", "AWS のタスクのページは、ここからは開けません",
                    "AWS のタスクはプライベート IP アドレスで動いていて、この手元のマシンからは届きません。",
                    "タスクのページを外から見るには、ロードバランサーかパブリック IP アドレスが要ります。",
                    "タスクにパブリック IP アドレスがあれば、`http://パブリックIP/` をブラウザで開いてください。", "Not available in AWS mode.");
            var taskId = task[(task.LastIndexOf('/') + 1)..];
            var endpoint = (await TaskEndpoints.ReadAsync(Endpoint!, cancellationToken, _aws.Settings).ConfigureAwait(false)).FirstOrDefault(e => e.TaskId == taskId);
            if (endpoint is null)
                return _results.Of($"タスク {taskId} のページはありません", new TaskPage { TaskId = taskId }, null,
                    "シミュレーターの `/_workshop/endpoints` に、このタスクの URL がありません。シミュレーションのランタイム (`--runtime simulated`) ではコンテナは実際には動かないので、ページもありません。"
                    + "Docker のランタイムなら、タスクのコンテナのポートが `http://127.0.0.1:ポート番号` で開かれます。",
                    ExplanationTopic.TaskLifecycle);
            var url = new Uri(endpoint.Url, path);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (true)
            {
                try
                {
                    using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                    var html = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    var page = new TaskPage { TaskId = taskId, Url = url, StatusCode = (int)response.StatusCode, Html = html };
                    return _results.Of($"タスク {taskId} のページ ({url})", page, null,
                        $"タスク `{taskId}` のコンテナ `{endpoint.ContainerName}` のポート {endpoint.ContainerPort} は、この手元のマシンの `{endpoint.Url}` に公開されています。ブラウザで開いても同じページが見られます (`curl {url}` でも同じです)。",
                        ExplanationTopic.TaskLifecycle);
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                    // The container has just started: its server may not listen yet.
                    await Task.Delay(250, cancellationToken).ConfigureAwait(false);
                }
            }
        });
}
