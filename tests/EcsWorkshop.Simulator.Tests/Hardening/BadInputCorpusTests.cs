namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// Every operation of every JSON service, against a fixed corpus of bad input: broken targets and bodies, every member
/// missing, null, of each wrong type, at its edges and huge. Never a 5xx; every refusal a 400 in AWS's shape that
/// leaves the world as it was.
/// </summary>
public sealed class BadInputCorpusTests(FrozenSimulator simulator) : IClassFixture<FrozenSimulator>
{
    public static TheoryData<string, string> Operations => ServedOperations.All;

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Operations))]
    public async Task Bad_input_is_refused_with_an_AWS_error_and_changes_nothing(string prefix, string operation)
    {
        var inputs = BadInputRunner.For(simulator, prefix, operation);

        var failures = await BadInputRunner.RunAsync(simulator, operation, inputs.Corpus());

        BadInputRunner.AssertNone(failures, operation);
    }
}
