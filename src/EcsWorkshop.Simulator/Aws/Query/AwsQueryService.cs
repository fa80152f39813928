using System.Xml.Linq;

namespace EcsWorkshop.Simulator.Aws.Query;

/// <summary>
/// One AWS service spoken over the Query protocol (ELBv2, EC2): the name it is signed for, its API version and XML
/// namespace, its dialect, and a table of operations. An operation reads its <see cref="QueryRequest"/> and returns
/// the members of its answer (without a namespace); what it does lives in the service's domain.
/// </summary>
public sealed class AwsQueryService(string signingName, string version, string xmlNamespace, QueryDialect dialect)
{
    private readonly Dictionary<string, Func<RequestContext, QueryRequest, IEnumerable<XElement>>> _operations = new(StringComparer.Ordinal);

    /// <summary>The SigV4 service name (<c>elasticloadbalancing</c>, <c>ec2</c>).</summary>
    public string SigningName { get; } = signingName;

    /// <summary>The API version requests name (<c>2015-12-01</c>, <c>2016-11-15</c>).</summary>
    public string Version { get; } = version;

    /// <summary>The XML namespace of answers.</summary>
    public XNamespace Namespace { get; } = xmlNamespace;

    /// <summary>How answers and errors are shaped.</summary>
    public QueryDialect Dialect { get; } = dialect;

    /// <summary>Names of every operation served, for discovery and tests.</summary>
    public IReadOnlyCollection<string> OperationNames => _operations.Keys;

    /// <summary>Adds an operation.</summary>
    public AwsQueryService On(string action, Func<RequestContext, QueryRequest, IEnumerable<XElement>> handler)
    {
        _operations.Add(action, handler);
        return this;
    }

    /// <summary>Runs an action; an unknown one is the dialect's unknown-action error.</summary>
    public IEnumerable<XElement> Invoke(string action, RequestContext context, QueryRequest request)
    {
        if (!_operations.TryGetValue(action, out var handler))
            throw Dialect.UnknownAction.Holes.Length == 2 ? Dialect.UnknownAction.At(action, Version) : Dialect.UnknownAction.At(action);
        try
        {
            return [.. handler(context, request)];
        }
        catch (QueryValueException malformed)
        {
            throw Dialect.MalformedValue.At(malformed.Value, malformed.Member);
        }
    }
}
