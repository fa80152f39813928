using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EcsWorkshop.Classroom.Dashboard;

/// <summary>What the live stream sends each time the dashboard changes: the summary line and the rows as HTML, and the time.</summary>
public sealed record LiveUpdate(string Summary, string Rows, string Updated);

/// <summary>
/// The dashboard's HTTP side, all behind the <see cref="HostTokenGuard"/>: the page (<see cref="PagePath"/>), its
/// server-sent events stream (<see cref="EventsPath"/>, one <see cref="LiveUpdate"/> whenever the view changes, checked
/// every <paramref name="refresh"/>), and the view as JSON (<see cref="StatePath"/>, for scripts and polling).
/// Without the token: 401 with a short Japanese page (or JSON) saying how to get in.
/// </summary>
public sealed class DashboardEndpoints(HostTokenGuard guard, TimeProvider time, TimeSpan refresh)
{
    /// <summary>The page.</summary>
    public const string PagePath = "/_workshop/classroom";

    /// <summary>The live stream (text/event-stream).</summary>
    public const string EventsPath = PagePath + "/events";

    /// <summary>The view as JSON.</summary>
    public const string StatePath = PagePath + "/state";

    /// <summary>How often a quiet stream sends a comment line, so proxies and browsers keep it open.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>How the JSON answers are written.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Adds the three endpoints, reading views from <paramref name="views"/>.</summary>
    public void Map(IEndpointRouteBuilder routes, ClassroomViewBuilder views)
    {
        routes.MapGet(PagePath, (HttpContext context) =>
        {
            if (!guard.Allows(context.Request)) return Unauthorized(context);
            if (guard.AllowsQuery(context.Request))
            {
                // The token leaves the address bar (the page is projected): a cookie carries it from now on.
                guard.Remember(context.Response, PagePath);
                return Results.Redirect(PagePath, permanent: false, preserveMethod: false);
            }
            context.Response.Headers.CacheControl = "no-store";
            return Results.Content(DashboardPage.Render(views.Build(), EventsPath), "text/html; charset=utf-8");
        });
        routes.MapGet(StatePath, (HttpContext context) =>
            guard.Allows(context.Request) ? Results.Json(views.Build(), Json) : Unauthorized(context));
        routes.MapGet(EventsPath, async (HttpContext context) =>
        {
            if (!guard.Allows(context.Request))
            {
                await Unauthorized(context).ExecuteAsync(context);
                return;
            }
            await StreamAsync(context, views);
        });
    }

    private async Task StreamAsync(HttpContext context, ClassroomViewBuilder views)
    {
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var response = context.Response;
        response.Headers.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        string? last = null;
        var quietSince = time.GetUtcNow();
        try
        {
            await response.WriteAsync("retry: 2000\n\n", ends.Token);
            await response.Body.FlushAsync(ends.Token);
            while (!ends.IsCancellationRequested)
            {
                var view = views.Build();
                var (summary, rows) = DashboardPage.Parts(view);
                var data = JsonSerializer.Serialize(new LiveUpdate(summary, rows, DashboardPage.Clock(view.At)), Json);
                if (data != last)
                {
                    await response.WriteAsync($"data: {data}\n\n", Encoding.UTF8, ends.Token);
                    await response.Body.FlushAsync(ends.Token);
                    last = data;
                    quietSince = view.At;
                }
                else if (view.At - quietSince >= Heartbeat)
                {
                    await response.WriteAsync(": still here\n\n", ends.Token);
                    await response.Body.FlushAsync(ends.Token);
                    quietSince = view.At;
                }
                await Task.Delay(refresh, time, ends.Token);
            }
        }
        catch (OperationCanceledException) when (ends.IsCancellationRequested)
        {
            // The host closed the page, or the server is stopping.
        }
    }

    private static IResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"workshop classroom\"";
        var wantsPage = context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (!wantsPage) return Results.Json(new { message = DashboardPage.UnauthorizedMessage }, Json, statusCode: StatusCodes.Status401Unauthorized);
        var page = $"""
            <!DOCTYPE html>
            <html lang="ja"><head><meta charset="utf-8"><title>主催者用トークンが必要です</title>
            <style>body {"{"} background: #0b0b0b; color: #fff; font: 24px/1.5 "Noto Sans CJK JP", sans-serif; padding: 2em; {"}"} code {"{"} color: #ffb4a8; {"}"}</style></head>
            <body><h1>主催者用トークンが必要です</h1><p>{System.Net.WebUtility.HtmlEncode(DashboardPage.UnauthorizedMessage)}</p></body></html>
            """;
        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status401Unauthorized);
    }
}
