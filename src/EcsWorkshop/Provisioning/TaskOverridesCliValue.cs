using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcsWorkshop.Aws.Ecs.Model;

namespace EcsWorkshop.Provisioning;

/// <summary>RunTask's <c>overrides</c> as the AWS CLI's <c>--overrides</c> JSON (only what was set).</summary>
internal static class TaskOverridesCliValue
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON, or null when there is nothing to override.</summary>
    public static string? Of(TaskOverride? overrides) => overrides is null ? null : JsonSerializer.Serialize(new
    {
        containerOverrides = overrides.ContainerOverrides!.Select(o => new
        {
            name = o.Name,
            command = o.Command,
            environment = o.Environment?.Select(e => new { name = e.Name, value = e.Value }),
        }),
    }, Json);
}
