using EcsWorkshop.Errors;

namespace EcsWorkshop.Sessions;

/// <summary>
/// Where <see cref="Workshop.StartAsync(CancellationToken)"/> runs the steps, from the environment, so every lesson
/// runs against a real account with no edit: <c>ECS_WORKSHOP_MODE=aws</c> (with the usual <c>AWS_PROFILE</c> and
/// <c>AWS_REGION</c>); unset or <c>simulator</c>: the simulator.
/// </summary>
/// <param name="Mode">Simulator (the default) or AWS.</param>
/// <param name="Profile">AWS mode's profile (<c>AWS_PROFILE</c>), or null for the default credential chain.</param>
/// <param name="Region">AWS mode's region (<c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>), or null for the profile's.</param>
public sealed record WorkshopModeSetting(WorkshopMode Mode, string? Profile, string? Region)
{
    /// <summary>The variable that chooses the mode.</summary>
    public const string ModeVariable = "ECS_WORKSHOP_MODE";

    /// <summary>The machine's setting.</summary>
    public static WorkshopModeSetting FromEnvironment() => Read(Environment.GetEnvironmentVariable);

    /// <summary>The setting the variables make; an unknown mode is a Japanese error naming the two that exist.</summary>
    public static WorkshopModeSetting Read(Func<string, string?> environment)
    {
        string? Value(string name) => environment(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var mode = Value(ModeVariable)?.ToLowerInvariant();
        return mode switch
        {
            null or "simulator" => new(WorkshopMode.Simulator, null, null),
            "aws" => new(WorkshopMode.Aws, Value("AWS_PROFILE"), Value("AWS_REGION") ?? Value("AWS_DEFAULT_REGION")),
            _ => throw WorkshopStepException.Workshop("セッションの開始", "InvalidWorkshopMode",
                "環境変数 ECS_WORKSHOP_MODE の値が正しくありません",
                $"`{ModeVariable}` に `{environment(ModeVariable)}` が指定されています。",
                "使える値は `simulator` (シミュレーター、既定) と `aws` (本物の AWS アカウント) だけです。",
                $"シミュレーターで進めるときは `{ModeVariable}` を消すか `simulator` に、AWS アカウントで進めるときは `aws` にして (`AWS_PROFILE` と `AWS_REGION` も指定します)、カーネルを再起動してください。",
                $"{ModeVariable}={environment(ModeVariable)}"),
        };
    }
}
