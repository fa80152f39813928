namespace EcsWorkshop.Simulator.Storage;

/// <summary>
/// The state folder cannot be used by this version of the simulator: written by a newer version, not migratable, or
/// holding a record this version cannot read. <see cref="Exception.Message"/> is one line naming the folder and, where
/// they matter, both schema versions (for <c>workshop serve</c> to print before it exits with code 2).
/// </summary>
public sealed class StateFolderException : Exception
{
    private StateFolderException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Written by a newer simulator (a schema version this one does not know).</summary>
    public static StateFolderException TooNew(string? directory, int found, int supported) => new(
        $"The state folder {Name(directory)} was written by a newer workshop (state schema version {found}); this workshop reads schema version {supported} and older. " +
        "Update the workshop, or give --state-dir another folder.");

    /// <summary>Written by an older simulator, and a migration step failed (nothing was changed).</summary>
    public static StateFolderException CannotMigrate(string? directory, int found, int supported, string reason, Exception? inner = null) => new(
        $"The state folder {Name(directory)} (state schema version {found}) cannot be migrated to schema version {supported}: {reason}. " +
        "Nothing was changed; give --state-dir another folder to start afresh.", inner);

    /// <summary>The folder is at this version's schema, yet something in it cannot be read.</summary>
    public static StateFolderException Unreadable(string? directory, string reason, Exception? inner = null) => new(
        $"The state folder {Name(directory)} cannot be read by this workshop (state schema version {StateSchema.CurrentVersion}): {reason}. " +
        "Give --state-dir another folder to start afresh.", inner);

    private static string Name(string? directory) => directory ?? "(in memory)";
}
