namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// Every operation of every JSON service, against seeded random mutations of a good request (members removed, of the
/// wrong type, random text and numbers, unknown members, repeated list elements). The seed is printed on failure.
/// </summary>
public sealed class GeneratedFuzzTests(FrozenSimulator simulator) : IClassFixture<FrozenSimulator>
{
    private const int CasesPerOperation = 50;

    public static TheoryData<string, string> Operations => ServedOperations.All;

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Operations))]
    public async Task Random_bad_input_is_refused_with_an_AWS_error_and_changes_nothing(string prefix, string operation)
    {
        var seed = unchecked(BadInputRunner.Seed * 397 ^ StableHash(operation));
        var random = new Random(seed);
        var inputs = BadInputRunner.For(simulator, prefix, operation);

        var failures = await BadInputRunner.RunAsync(simulator, operation,
            Enumerable.Range(0, CasesPerOperation).Select(_ => inputs.Random(random)));

        BadInputRunner.AssertNone(failures, operation, BadInputRunner.Seed);
    }

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
}
