using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.Aws.Query;

/// <summary>The errors of the Query edge itself, whatever the service: routing and malformed members.</summary>
public static class QueryErrors
{
    /// <summary>Every Query edge error, in the order declared here.</summary>
    public static IReadOnlyList<ServiceError> All => ServiceError.DeclaredBy(typeof(QueryErrors));

    public static readonly ServiceError InvalidAction = new("query.invalid-action", "InvalidAction",
        "Could not find operation {action} for version {version}") { Examples = ["DescribeNothing", "2015-12-01"] };
    public static readonly ServiceError ValidationError = new("query.malformed-value", "ValidationError",
        "1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must be of the member's type")
        { Examples = ["eighty", "Port"] };
    public static readonly ServiceError Ec2InvalidAction = new("query.ec2-invalid-action", "InvalidAction",
        "The action {action} is not valid for this web service.") { Examples = ["DescribeNothing"] };
    public static readonly ServiceError Ec2InvalidParameterValue = new("query.ec2-malformed-value", "InvalidParameterValue",
        "Value ({value}) for parameter {member} is invalid.") { Examples = ["eighty", "FromPort"] };
    public static readonly ServiceError UnknownService = new("query.unknown-service", "InvalidAction",
        "No Query service answers action {action} with version {version}.") { Examples = ["DescribeNothing", "2000-01-01"] };
}
