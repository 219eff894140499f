using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Testing;

/// <summary>
/// Lets one host serve both kinds of test: commands sent straight through the mediator act as the
/// <see cref="TestCurrentUser"/>, while HTTP requests keep the host's own user, read from the sign-in cookie.
/// </summary>
public static class TestUserOutsideRequests
{
    /// <summary>Replaces the host's <see cref="ICurrentUser"/> outside HTTP requests only.</summary>
    public static IServiceCollection AddTestUserOutsideRequests(this IServiceCollection services, TestCurrentUser testUser)
    {
        var host = services.Last(d => d.ServiceType == typeof(ICurrentUser)).ImplementationType
            ?? throw new InvalidOperationException("The host registers ICurrentUser by type; expected AddScoped<ICurrentUser, T>().");
        return services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext is null
            ? testUser
            : (ICurrentUser)ActivatorUtilities.CreateInstance(sp, host));
    }
}
