using System.Diagnostics;
using System.Text.Json;

namespace EcsWorkshop.Tests.AwsMode;

/// <summary>The real AWS CLI v2 (<c>/usr/bin/aws</c>) pointed at moto, in eu-west-1, answering JSON.</summary>
internal static class MotoCli
{
    public static async Task<JsonDocument> RunAsync(Uri motoEndpoint, params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/aws") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--endpoint-url", motoEndpoint.ToString().TrimEnd('/'), "--region", "eu-west-1", "--output", "json" }.Concat(arguments))
            start.ArgumentList.Add(a);
        start.Environment["AWS_ACCESS_KEY_ID"] = "test";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        start.Environment["AWS_PAGER"] = "";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return JsonDocument.Parse(output);
    }
}
