using EcsWorkshop.Images.Building;

namespace EcsWorkshop.Images.Tests.Support;

/// <summary>
/// A build context in a temporary directory, written file by file, with an output directory for the blobs;
/// both are removed on dispose.
/// </summary>
public sealed class TestContext : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("images-test-").FullName;

    public TestContext()
    {
        Directory.CreateDirectory(ContextDirectory);
        Directory.CreateDirectory(OutputDirectory);
    }

    /// <summary>The build context.</summary>
    public string ContextDirectory => Path.Combine(_root, "context");

    /// <summary>Where builds write blobs.</summary>
    public string OutputDirectory => Path.Combine(_root, "out");

    /// <summary>A fresh directory below the temporary root (for layouts, registry storage…).</summary>
    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    /// <summary>Writes a file of the context (creating directories), optionally executable.</summary>
    public TestContext Write(string path, string content, bool executable = false)
    {
        var full = Path.Combine(ContextDirectory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(full, executable ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100);
        return this;
    }

    /// <summary>Writes the Dockerfile.</summary>
    public TestContext Dockerfile(string text) => Write("Dockerfile", text);

    /// <summary>The full path of a context file.</summary>
    public string PathOf(string path) => Path.Combine(ContextDirectory, path);

    /// <summary>Builds the context.</summary>
    public BuiltImage Build(Func<ImageBuildOptions, ImageBuildOptions>? configure = null)
    {
        var options = new ImageBuildOptions { ContextDirectory = ContextDirectory, OutputDirectory = OutputDirectory };
        return ImageBuilder.Build(configure is null ? options : configure(options));
    }

    /// <summary>Copies a directory (a sample context) into this context.</summary>
    public TestContext CopyFrom(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(ContextDirectory, Path.GetRelativePath(directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
