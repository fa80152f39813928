using System.Diagnostics;
using System.Net;
using EcsWorkshop.TestSupport;

namespace EcsWorkshop.Images.Tests.Support;

/// <summary>
/// The CNCF distribution registry from Debian (<c>/usr/bin/docker-registry</c>), started on a free loopback port
/// with its own storage and a minimal configuration, anonymous access; stopped (by its process id) afterwards.
/// An independent implementation of the protocol our client must speak. xunit class fixture.
/// </summary>
public sealed class DistributionRegistry : IAsyncLifetime
{
    public const string ProgramPath = "/usr/bin/docker-registry";

    private readonly string _root = Directory.CreateTempSubdirectory("distribution-").FullName;
    private Process? _process;

    /// <summary><c>127.0.0.1:PORT</c>.</summary>
    public string Address { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ProgramPath), $"{ProgramPath} is missing: apt-get install -y docker-registry");
        var port = FreePort.Pick();
        Address = $"127.0.0.1:{port}";
        var config = Path.Combine(_root, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {Path.Combine(_root, "storage")}
            http:
              addr: {Address}
            """);
        var start = new ProcessStartInfo(ProgramPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        _process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start.");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            Assert.False(_process.HasExited, $"docker-registry exited with {(_process.HasExited ? _process.ExitCode : 0)}");
            try
            {
                using var response = await http.GetAsync($"http://{Address}/v2/");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("docker-registry did not answer on /v2/ within 10 seconds.");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
