using FluentValidation;
using OobcCalendar.Host.Features.Users;

namespace OobcCalendar.Host.Infrastructure;

/// <summary>
/// The host's own validators, listed explicitly; modules register theirs in their Add&lt;Name&gt;Module. Explicit, not
/// scanned: the architecture tests (RegistrationTests) fail for a validator that no list registers.
/// </summary>
internal static class ValidatorRegistration
{
    public static IServiceCollection AddValidatorsFromHost(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<CreateUser>, CreateUserValidator>();
        services.AddSingleton<IValidator<UpdateUser>, UpdateUserValidator>();
        return services;
    }
}
