namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>ECR ARNs and names for one region of the simulated account.</summary>
public sealed record EcrArns(string Region, string AccountId)
{
    public string Repository(string name) => $"arn:aws:ecr:{Region}:{AccountId}:repository/{name}";
}
