using System.Net;
using EcsWorkshop.Aws;

namespace EcsWorkshop.Errors;

/// <summary>How a step fails: an AWS error becomes a Japanese <see cref="WorkshopStepException"/> named for the step.</summary>
internal static class StepFailures
{
    /// <summary>Runs a step's AWS calls; an AWS error becomes a Japanese <see cref="WorkshopStepException"/>.</summary>
    public static async Task<T> Step<T>(string step, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            throw WorkshopStepException.FromAws(step, e);
        }
    }

    /// <summary>The error AWS would answer for a missing resource, for steps that look it up with a call that reports failures instead.</summary>
    public static AwsServiceException Missing(string code, string message, string service, string operation) =>
        new(code, message, HttpStatusCode.BadRequest, null, service, operation);
}
