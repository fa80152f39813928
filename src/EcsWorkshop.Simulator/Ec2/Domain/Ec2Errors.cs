using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.Ec2.Domain;

/// <summary>
/// Every error the simulated EC2 answers with, in EC2's codes and words. The Query edge writes them in EC2's own
/// envelope (<c>Response/Errors/Error</c>).
/// </summary>
public static class Ec2Errors
{
    /// <summary>Every EC2 error, in the order declared here.</summary>
    public static IReadOnlyList<ServiceError> All => ServiceError.DeclaredBy(typeof(Ec2Errors));

    public static readonly ServiceError VpcNotFound = new("ec2.vpc-not-found", "InvalidVpcID.NotFound", "The vpc ID '{vpcId}' does not exist")
        { Examples = ["vpc-0123456789abcdef0"] };
    public static readonly ServiceError SubnetNotFound = new("ec2.subnet-not-found", "InvalidSubnetID.NotFound", "The subnet ID '{subnetId}' does not exist")
        { Examples = ["subnet-0123456789abcdef0"] };
    public static readonly ServiceError GroupNotFound = new("ec2.group-not-found", "InvalidGroup.NotFound", "The security group '{group}' does not exist")
        { Examples = ["sg-0123456789abcdef0"] };
    public static readonly ServiceError GroupNameNotFoundInDefaultVpc = new("ec2.group-name-not-found", "InvalidGroup.NotFound",
        "The security group '{group}' does not exist in default VPC '{vpcId}'") { Examples = ["web", "vpc-0123456789abcdef0"] };
    public static readonly ServiceError GroupDuplicate = new("ec2.group-duplicate", "InvalidGroup.Duplicate",
        "The security group '{group}' already exists for VPC '{vpcId}'") { Examples = ["web", "vpc-0123456789abcdef0"] };
    public static readonly ServiceError MissingParameter = new("ec2.missing-parameter", "MissingParameter",
        "The request must contain the parameter {parameter}") { Examples = ["GroupName"] };
    public static readonly ServiceError GroupNameFormat = new("ec2.group-name-format", "InvalidParameterValue",
        "Value ({name}) for parameter GroupName is invalid. Group names may not be in the format sg-*.") { Examples = ["sg-web"] };
    public static readonly ServiceError GroupNameLength = new("ec2.group-name-length", "InvalidParameterValue",
        "Value ({name}) for parameter GroupName is invalid. Length exceeds maximum of 255 characters.") { Examples = ["aaaa"] };
    public static readonly ServiceError UnknownProtocol = new("ec2.unknown-protocol", "InvalidParameterValue",
        "Invalid value '{protocol}' for IP protocol. Unknown protocol.") { Examples = ["http"] };
    public static readonly ServiceError PortRangeRequired = new("ec2.port-range-required", "InvalidParameterValue",
        "Invalid value for portRange. Must specify both from and to ports with TCP/UDP.");
    public static readonly ServiceError PortOutOfRange = new("ec2.port-out-of-range", "InvalidParameterValue",
        "Invalid value '{port}' for portRange. Must be between 0 and 65535.") { Examples = ["70000"] };
    public static readonly ServiceError CidrInvalid = new("ec2.cidr-invalid", "InvalidParameterValue",
        "Value ({cidr}) for parameter cidrIp is invalid. This is not a valid CIDR block.") { Examples = ["0.0.0.0/99"] };
    public static readonly ServiceError PermissionDuplicate = new("ec2.permission-duplicate", "InvalidPermission.Duplicate",
        "the specified rule \"{rule}\" already exists") { Examples = ["peer: 0.0.0.0/0, TCP, from port: 80, to port: 80, ALLOW"] };
    public static readonly ServiceError PermissionMissing = new("ec2.permission-missing", "MissingParameter",
        "No permissions provided. Provide at least one of IpPermissions, or CidrIp with IpProtocol.");
    public static readonly ServiceError CannotDeleteDefault = new("ec2.cannot-delete-default", "CannotDelete",
        "the specified group: \"{groupId}\" name: \"default\" cannot be deleted by a user") { Examples = ["sg-0123456789abcdef0"] };
    public static readonly ServiceError GroupInUse = new("ec2.group-in-use", "DependencyViolation",
        "resource {groupId} has a dependent object") { Examples = ["sg-0123456789abcdef0"] };
    public static readonly ServiceError InvalidFilter = new("ec2.invalid-filter", "InvalidParameterValue",
        "The filter '{filter}' is invalid") { Examples = ["colour"] };
    public static readonly ServiceError ZoneNotFound = new("ec2.zone-not-found", "InvalidParameterValue",
        "The zone '{zone}' does not exist.") { Examples = ["ap-northeast-1z"] };
}
