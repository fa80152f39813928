using System.Reflection;
using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Ecr.Registry;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Logs.Domain;

namespace EcsWorkshop.Display.Tests.Support;

/// <summary>An error the simulator can answer with, and where it was found.</summary>
public sealed record SimulatorError(string Code, string Message, string Origin)
{
    public override string ToString() => $"{Code}: {Message}  ({Origin})";
}

/// <summary>
/// Every error the simulator can return, collected from its error factories (<c>EcsErrors</c>, <c>EcrErrors</c>,
/// <c>LogsErrors</c>, <c>AwsErrors</c>, <c>RegistryError</c>): each factory is invoked with dummy arguments; a
/// factory that passes its message through (<c>EcsErrors.Client(message)</c>) is followed to its call sites in
/// the simulator's source, where the message literal is read. A new error anywhere in the simulator shows up here.
/// </summary>
public static partial class SimulatorErrors
{
    public static readonly Type[] Factories = [typeof(EcsErrors), typeof(EcrErrors), typeof(LogsErrors), typeof(AwsErrors), typeof(RegistryError)];

    private const string Sentinel = "\u27e6sentinel\u27e7";

    public static string SourceFolder => RepositoryRoot.Combine("src/EcsWorkshop.Simulator");

    /// <summary>The simulator's C# files (without build output).</summary>
    public static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(SourceFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal);

    /// <summary>The factory methods: public, static, returning an error.</summary>
    public static IEnumerable<MethodInfo> FactoryMethods() =>
        Factories.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => typeof(Exception).IsAssignableFrom(m.ReturnType))
            .OrderBy(m => m.DeclaringType!.Name, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal);

    /// <summary>Whether the factory's message is just the message it is given (the call sites say what it is).</summary>
    public static bool PassesMessageThrough(MethodInfo factory) =>
        factory.GetParameters().Any(p => p.ParameterType == typeof(string)) && Invoke(factory, useDefaults: false, Sentinel).Message == Sentinel;

    /// <summary>Every (code, message) the simulator can produce.</summary>
    public static IReadOnlyList<SimulatorError> All()
    {
        var errors = new List<SimulatorError>();
        foreach (var factory in FactoryMethods())
        {
            var origin = $"{factory.DeclaringType!.Name}.{factory.Name}";
            if (!PassesMessageThrough(factory))
            {
                errors.Add(Error(Invoke(factory, useDefaults: true, CSharpStrings.Hole), origin));
                continue;
            }
            if (factory.GetParameters().All(p => p.HasDefaultValue))
                errors.Add(Error(Invoke(factory, useDefaults: true, CSharpStrings.Hole), origin + "()"));
            errors.AddRange(CallSites(factory));
        }
        return errors;
    }

    /// <summary>The messages a pass-through factory is called with, read from the simulator's source.</summary>
    public static IEnumerable<SimulatorError> CallSites(MethodInfo factory)
    {
        var call = new Regex($@"\b{factory.DeclaringType!.Name}\.{factory.Name}\(");
        foreach (var file in SourceFiles())
        {
            var source = File.ReadAllText(file);
            foreach (Match match in call.Matches(source))
            {
                var afterParen = match.Index + match.Length;
                var where = $"{Path.GetRelativePath(SourceFolder, file)}:{source[..match.Index].Count(c => c == '\n') + 1}";
                if (source[afterParen..].TrimStart().StartsWith(')')) continue; // the default message, collected above
                var message = CSharpStrings.ReadExpression(source, afterParen);
                // A message that is not a literal (e.g. an exception's text) is unknown: only the code can be matched.
                var error = Invoke(factory, useDefaults: false, message ?? CSharpStrings.Hole);
                yield return Error(error, message is null ? where + " (message not a literal)" : where);
            }
        }
    }

    /// <summary>Stop reasons written in the simulator's source: literals shaped like ECS's <c>SomethingError: …</c>.</summary>
    public static IReadOnlyList<(string Reason, string File)> StopReasonLiterals() =>
    [
        .. SourceFiles().SelectMany(file => CSharpStrings.AllLiterals(File.ReadAllText(file))
            .Where(l => StopReasonShape().IsMatch(l))
            .Select(l => (l, Path.GetRelativePath(SourceFolder, file)))),
    ];

    private static SimulatorError Error(Exception error, string origin) => error switch
    {
        AwsServiceException aws => new(aws.Code, aws.Message, origin),
        RegistryError registry => new(registry.Code, registry.Message, origin),
        _ => throw new InvalidOperationException($"{origin} made a {error.GetType().Name}."),
    };

    private static Exception Invoke(MethodInfo factory, bool useDefaults, string text)
    {
        var arguments = factory.GetParameters().Select(p => useDefaults && p.HasDefaultValue ? p.DefaultValue : Dummy(p.ParameterType, text)).ToArray();
        return (Exception)factory.Invoke(null, arguments)!;
    }

    private static object? Dummy(Type type, string text) =>
        type == typeof(string) ? text
        : type == typeof(IEnumerable<string>) ? new[] { "sha256:" + new string('0', 64) }
        : type == typeof(int) ? 1
        : type == typeof(long) ? 1L
        : type.IsValueType ? Activator.CreateInstance(type)
        : null;

    [GeneratedRegex(@"^[A-Z][A-Za-z]+Error: ")]
    private static partial Regex StopReasonShape();
}
