using System.Globalization;

namespace EcsWorkshop.Facts.Arns;

/// <summary>
/// What someone wrote to name a task definition: a family (<c>web</c>, its latest ACTIVE revision), a
/// <c>family:revision</c> (<c>web:3</c>) or a task definition ARN (<c>arn:aws:ecs:R:A:task-definition/web:3</c>).
/// </summary>
/// <param name="Text">The reference as written.</param>
/// <param name="Family">The family it names; empty when the text starts with its colon.</param>
/// <param name="RevisionText">What follows the last colon (the revision as written), or null when there is no colon.</param>
public sealed record TaskDefinitionReference(string Text, string Family, string? RevisionText)
{
    /// <summary>Whether the reference is a task definition ARN.</summary>
    public bool IsArn => Arn.LooksLikeArn(Text);

    /// <summary>The revision, when the text names one as a whole number.</summary>
    public int? Revision => RevisionText is not null && int.TryParse(RevisionText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision)
        ? revision
        : null;

    /// <summary>Whether the reference names one revision of a family (<c>web:3</c> or an ARN ending in it).</summary>
    public bool NamesRevision => Family.Length > 0 && Revision is not null;

    /// <summary><c>family:revision</c> when the reference names a revision, else the family.</summary>
    public string FamilyRevision => NamesRevision ? $"{Family}:{RevisionText}" : Family;

    /// <summary>Reads a reference: for an ARN, the part after its last slash is the <c>family:revision</c>.</summary>
    public static TaskDefinitionReference Parse(string text)
    {
        var name = Arn.LooksLikeArn(text) ? text[(text.LastIndexOf('/') + 1)..] : text;
        var colon = name.LastIndexOf(':');
        return colon < 0
            ? new TaskDefinitionReference(text, name, null)
            : new TaskDefinitionReference(text, name[..colon], name[(colon + 1)..]);
    }

    /// <summary>A task definition ARN or reference shortened to <c>family:revision</c>; anything else as it is.</summary>
    public static string Short(string reference) =>
        Arn.TryParse(reference, out var arn) && arn.Resource.StartsWith("task-definition/", StringComparison.Ordinal)
            ? arn.ResourceName
            : reference;
}
