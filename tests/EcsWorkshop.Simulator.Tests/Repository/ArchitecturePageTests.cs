using System.Reflection;
using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Errors;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Repository;

/// <summary>
/// <c>docs/architecture.md</c> stays true: every file it names exists, and every simulated service has the folder
/// shape the page describes (a wire edge with an operation table, shapes and one mapper; a domain with an engine,
/// commands, queries and one typed error list that the simulator's error directory includes).
/// </summary>
public sealed partial class ArchitecturePageTests
{
    private static readonly string Page = File.ReadAllText(RepositoryRoot.File("docs/architecture.md"));
    private static readonly string Simulator = RepositoryRoot.File("src/EcsWorkshop.Simulator");

    /// <summary>The simulated services: a folder under the simulator with <c>Wire/</c> and <c>Domain/</c>, and its name prefix.</summary>
    public static TheoryData<string, string> Services => new() { { "Ecs", "Ecs" }, { "Ecr", "Ecr" }, { "Logs", "Logs" }, { "Elbv2", "Elbv2" }, { "Ec2", "Ec2" } };

    [GeneratedRegex(@"`((?:src|tests|docs)/[A-Za-z0-9_./-]+)`")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"`((?:Hosting|Aws|Errors|Ecs|Ecr|Logs|Elbv2|Ec2|Integration|Storage|Clock)/[A-Za-z0-9_./-]+\.cs)`")]
    private static partial Regex SimulatorFile();

    [Fact]
    public void Every_repository_path_the_page_names_exists()
    {
        var paths = RepositoryPath().Matches(Page).Select(m => m.Groups[1].Value.TrimEnd('/')).Distinct().ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.True(
            File.Exists(RepositoryRoot.File(path)) || Directory.Exists(RepositoryRoot.File(path)), $"docs/architecture.md names {path}, which is missing"));
    }

    [Fact]
    public void Every_simulator_file_the_page_names_exists()
    {
        var files = SimulatorFile().Matches(Page).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("Hosting/Simulation.cs", files);
        Assert.All(files, file => Assert.True(File.Exists(Path.Combine(Simulator, file)), $"docs/architecture.md names {file}, which is missing"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_simulated_service_has_the_same_folder_shape(string folder, string prefix)
    {
        var service = Path.Combine(Simulator, folder);

        Assert.True(File.Exists(Path.Combine(service, "Wire", $"{prefix}Shapes.cs")) || Directory.EnumerateFiles(Path.Combine(service, "Wire"), "*Shapes.cs").Any(),
            $"{folder}/Wire has no shapes");
        Assert.True(Directory.EnumerateFiles(Path.Combine(service, "Wire"), $"{prefix}Api*.cs").Any(), $"{folder}/Wire has no {prefix}Api");
        Assert.True(Directory.EnumerateFiles(Path.Combine(service, "Wire"), $"{prefix}Mapper*.cs").Any(), $"{folder}/Wire has no {prefix}Mapper");
        Assert.True(File.Exists(Path.Combine(service, "Domain", $"{prefix}Errors.cs")), $"{folder}/Domain/{prefix}Errors.cs is missing");
        Assert.True(File.Exists(Path.Combine(service, "Domain", $"{prefix}Engine.cs")), $"{folder}/Domain/{prefix}Engine.cs is missing");
        var domainFiles = Directory.EnumerateFiles(Path.Combine(service, "Domain"), "*.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains(domainFiles, f => f!.EndsWith("Commands.cs", StringComparison.Ordinal));
        Assert.Contains(domainFiles, f => f!.EndsWith("Queries.cs", StringComparison.Ordinal));
        Assert.Matches($@"(?m)^  {folder}/ ", Page);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_service_error_list_is_part_of_the_simulator_error_directory(string folder, string prefix)
    {
        var list = typeof(ServiceError).Assembly.GetType($"EcsWorkshop.Simulator.{folder}.Domain.{prefix}Errors")
            ?? throw new InvalidOperationException($"No {prefix}Errors type in {folder}.Domain.");
        var declared = ServiceError.DeclaredBy(list);

        Assert.NotEmpty(declared);
        Assert.All(declared, error => Assert.Contains(error, SimulatorErrors.All));
        Assert.All(declared, error => Assert.StartsWith(prefix.ToLowerInvariant() + ".", error.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void The_domain_names_no_wire_exception()
    {
        var domainFiles = new[] { "Ecs", "Ecr", "Logs", "Elbv2", "Ec2", "ApplicationAutoScaling" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Simulator, folder, "Domain"), "*.cs", SearchOption.AllDirectories));

        var leaking = domainFiles.Where(f => File.ReadAllText(f).Contains("AwsServiceException", StringComparison.Ordinal)).ToList();

        Assert.True(leaking.Count == 0, "The domain throws DomainError, not wire exceptions: " + string.Join(", ", leaking));
    }

    [Fact]
    public void The_error_lists_are_the_ones_the_page_names()
    {
        var lists = typeof(ServiceError).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.GetProperty("All", BindingFlags.Public | BindingFlags.Static)?.PropertyType == typeof(IReadOnlyList<ServiceError>))
            .Where(t => t != typeof(SimulatorErrors))
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["AutoScalingErrors", "AwsErrors", "Ec2Errors", "EcrErrors", "EcsErrors", "Elbv2Errors", "LogsErrors", "QueryErrors", "RegistryErrors"], lists);
        Assert.All(lists, name => Assert.Contains($"{name}.cs", Page));
    }
}
