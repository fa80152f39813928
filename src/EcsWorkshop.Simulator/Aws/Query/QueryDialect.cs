using System.Xml.Linq;
using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.Aws.Query;

/// <summary>
/// How one family of Query services shapes its XML: the success envelope, the error envelope, and the errors of the
/// edge itself (an unknown action, a value of the wrong type) in that family's words.
/// </summary>
public abstract class QueryDialect
{
    /// <summary>ELBv2, IAM, STS: <c>&lt;OpResponse&gt;&lt;OpResult&gt;…&lt;/OpResult&gt;&lt;ResponseMetadata&gt;</c>; errors in <c>ErrorResponse/Error</c>.</summary>
    public static QueryDialect Wrapped { get; } = new WrappedDialect();

    /// <summary>EC2: <c>&lt;OpResponse&gt;&lt;requestId&gt;…</c> with the members straight under the root; errors in <c>Response/Errors/Error</c>.</summary>
    public static QueryDialect Ec2 { get; } = new Ec2Dialect();

    /// <summary>The answer to an action whose operation does not exist.</summary>
    public abstract ServiceError UnknownAction { get; }

    /// <summary>The answer to a member whose text is not of its type.</summary>
    public abstract ServiceError MalformedValue { get; }

    /// <summary>The success document of an action.</summary>
    public abstract XDocument Success(XNamespace ns, string action, string requestId, IEnumerable<XElement> members);

    /// <summary>The error document.</summary>
    public abstract XDocument Failure(XNamespace ns, ServiceError error, string message, string requestId);

    /// <summary>The members, moved into the service's namespace (handlers build them without one).</summary>
    protected static IEnumerable<XElement> InNamespace(XNamespace ns, IEnumerable<XElement> members)
    {
        foreach (var member in members)
        {
            foreach (var element in member.DescendantsAndSelf()) element.Name = ns + element.Name.LocalName;
            yield return member;
        }
    }

    private sealed class WrappedDialect : QueryDialect
    {
        public override ServiceError UnknownAction => QueryErrors.InvalidAction;

        public override ServiceError MalformedValue => QueryErrors.ValidationError;

        public override XDocument Success(XNamespace ns, string action, string requestId, IEnumerable<XElement> members) => new(
            new XElement(ns + $"{action}Response",
                new XElement(ns + $"{action}Result", InNamespace(ns, members)),
                new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", requestId))));

        public override XDocument Failure(XNamespace ns, ServiceError error, string message, string requestId) => new(
            new XElement(ns + "ErrorResponse",
                new XElement(ns + "Error",
                    new XElement(ns + "Type", (int)error.Status >= 500 ? "Receiver" : "Sender"),
                    new XElement(ns + "Code", error.Code),
                    new XElement(ns + "Message", message)),
                new XElement(ns + "RequestId", requestId)));
    }

    private sealed class Ec2Dialect : QueryDialect
    {
        public override ServiceError UnknownAction => QueryErrors.Ec2InvalidAction;

        public override ServiceError MalformedValue => QueryErrors.Ec2InvalidParameterValue;

        public override XDocument Success(XNamespace ns, string action, string requestId, IEnumerable<XElement> members) => new(
            new XElement(ns + $"{action}Response", new XElement(ns + "requestId", requestId), InNamespace(ns, members)));

        public override XDocument Failure(XNamespace ns, ServiceError error, string message, string requestId) => new(
            new XElement("Response",
                new XElement("Errors", new XElement("Error", new XElement("Code", error.Code), new XElement("Message", message))),
                new XElement("RequestID", requestId)));
    }
}
