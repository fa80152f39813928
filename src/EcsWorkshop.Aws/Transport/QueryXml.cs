using System.Globalization;
using System.Xml.Linq;

namespace EcsWorkshop.Aws.Transport;

/// <summary>Reading query-protocol XML by local element names (the namespaces differ by service and version).</summary>
public static class QueryXml
{
    /// <summary>The first child with this local name, or null.</summary>
    public static XElement? Child(this XElement? element, string name) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>The text of the first child with this local name, or null.</summary>
    public static string? ChildText(this XElement? element, string name) => element.Child(name)?.Value;

    /// <summary>The children of a list element: <c>member</c> (IAM, STS) or <c>item</c> (EC2) elements.</summary>
    public static IEnumerable<XElement> Items(this XElement? list) =>
        list?.Elements().Where(e => e.Name.LocalName is "member" or "item") ?? [];

    /// <summary>A child's text as a boolean, or null.</summary>
    public static bool? ChildBool(this XElement? element, string name) =>
        element.ChildText(name) is { } text ? string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>A child's text as a whole number, or null.</summary>
    public static int? ChildInt(this XElement? element, string name) =>
        int.TryParse(element.ChildText(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A child's ISO 8601 timestamp, or null.</summary>
    public static DateTimeOffset? ChildTime(this XElement? element, string name) =>
        DateTimeOffset.TryParse(element.ChildText(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    /// <summary>The <c>…Result</c> element of a query answer (IAM, STS), or the root itself (EC2 has none).</summary>
    public static XElement Result(this XElement root, string action) => root.Child(action + "Result") ?? root;
}
