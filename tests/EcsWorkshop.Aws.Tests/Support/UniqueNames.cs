namespace EcsWorkshop.Aws.Tests.Support;

/// <summary>Names no other test uses, so tests can share one backend.</summary>
public static class UniqueNames
{
    public static string Next(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
}
