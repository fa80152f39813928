namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

/// <summary>The texts of ECS scaling activities, as AWS writes them (/work/shared/scaling-facts.md §1.2 DescribeScalingActivities).</summary>
public static class ScalingMessages
{
    /// <summary><c>Setting desired count to N.</c></summary>
    public static string SettingDesiredCount(int count) => $"Setting desired count to {count}.";

    /// <summary><c>monitor alarm ALARM in state ALARM triggered policy POLICY</c></summary>
    public static string AlarmCause(string alarmName, string policyName) => $"monitor alarm {alarmName} in state ALARM triggered policy {policyName}";

    /// <summary><c>Successfully set desired count to N. Change successfully fulfilled by ecs.</c></summary>
    public static string Fulfilled(int count) => $"Successfully set desired count to {count}. Change successfully fulfilled by ecs.";

    /// <summary>The description of an attempt that did not scale.</summary>
    public const string AttemptingToScale = "Attempting to scale due to alarm triggered";

    /// <summary>Why an activity failed: ECS's own error.</summary>
    public static string Failed(string code, string message) => $"Failed to set desired count: {code}: {message}";
}
