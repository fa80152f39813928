using Microsoft.AspNetCore.Builder;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>
/// The simulator's HTTP hosts (the server, each load balancer listener): ASP.NET Core's slim builder without a watch on
/// <c>appsettings.json</c>. The simulator reads no configuration file, and each watch costs an inotify instance — a
/// per-user resource (128 by default on Linux) that a classroom's hundreds of listeners would exhaust.
/// </summary>
public static class WebHosts
{
    /// <summary>A slim <see cref="WebApplicationBuilder"/> that watches no configuration file.</summary>
    public static WebApplicationBuilder CreateSlimBuilder() =>
        WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
}
