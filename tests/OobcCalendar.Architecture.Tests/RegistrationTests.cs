using System.Reflection;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Host.Infrastructure;
using OobcCalendar.Shared.Modules;
using Shouldly;

namespace OobcCalendar.Architecture.Tests;

/// <summary>
/// Registration is explicit (no assembly scanning at start-up), so these tests are what catches a forgotten line:
/// they read the service collection the host builds, with every module switched on.
/// </summary>
public sealed class RegistrationTests
{
    private static readonly Lazy<IServiceCollection> HostServices = new(() =>
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // Registration never connects; the address only has to parse.
                ["ConnectionStrings:Default"] = "Host=127.0.0.1;Port=1;Username=nobody",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddOobcServices(configuration);
        return services;
    });

    /// <summary>The host and every module and Contracts assembly: where validators, messages and handlers may live.</summary>
    private static IEnumerable<Assembly> Assemblies =>
        Modules.Names.SelectMany(n => new[] { Modules.Implementation(n), Modules.Contracts(n) }).Prepend(typeof(OobcHost).Assembly);

    private static IEnumerable<Type> ConcreteTypes => Assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false });

    public static TheoryData<string> Validators()
    {
        var data = new TheoryData<string>();
        foreach (var type in ConcreteTypes.Where(t => ValidatedType(t) is not null))
        {
            data.Add(type.AssemblyQualifiedName!);
        }

        return data;
    }

    public static TheoryData<string> Messages()
    {
        var data = new TheoryData<string>();
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()).Where(IsRequest))
        {
            data.Add(type.AssemblyQualifiedName!);
        }

        return data;
    }

    [Fact]
    public void Validators_WhenListed_IncludeEveryModulesValidators()
    {
        // Guards the theory below against an empty list (e.g. a renamed interface) that would pass vacuously.
        Validators().Count.ShouldBeGreaterThanOrEqualTo(7);
        Messages().Count.ShouldBeGreaterThanOrEqualTo(40);
    }

    [Theory]
    [MemberData(nameof(Validators))]
    public void Validator_WhenTheHostIsBuilt_IsRegisteredForItsRequest(string validatorName)
    {
        var validator = Type.GetType(validatorName, throwOnError: true)!;
        var service = typeof(IValidator<>).MakeGenericType(ValidatedType(validator)!);

        HostServices.Value.Any(d => d.ServiceType == service && d.ImplementationType == validator).ShouldBeTrue(
            $"{validator.Name} is never registered: add services.AddSingleton<{service.Name[..^2]}<{ValidatedType(validator)!.Name}>, {validator.Name}>() to its module's Add<Name>Module (or the host's ValidatorRegistration).");
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Request_WhenTheHostIsBuilt_HasAHandlerTheMediatorKnows(string messageName)
    {
        var message = Type.GetType(messageName, throwOnError: true)!;

        // A handler exists somewhere...
        var handlers = ConcreteTypes.Where(t => HandledMessages(t).Contains(message)).ToList();
        handlers.ShouldNotBeEmpty($"{message.FullName} has no handler.");

        // ...and the source-generated mediator registered it, which it does only when it scanned the message's assembly.
        HostServices.Value.Any(d => IsHandlerInterface(d.ServiceType) && d.ServiceType.GenericTypeArguments[0] == message).ShouldBeTrue(
            $"The mediator does not know {message.Name}'s handler: add {message.Assembly.GetName().Name} to AddMediator's Assemblies in OobcHost.");
    }

    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void ContractsAssembly_WhenLoaded_IsMarkedWithItsModuleName(string module)
    {
        // The mark is also what lets AddMediator list the assembly before it holds a query (see ModuleContractsAttribute).
        var mark = Modules.Contracts(module).GetCustomAttribute<ModuleContractsAttribute>();

        mark.ShouldNotBeNull();
        mark.ModuleName.ShouldBe(module);
    }

    private static Type? ValidatedType(Type type) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))?.GenericTypeArguments[0];

    private static bool IsRequest(Type type) =>
        type is { IsAbstract: false, IsGenericTypeDefinition: false, IsInterface: false }
        && (typeof(IBaseRequest).IsAssignableFrom(type) || typeof(IBaseCommand).IsAssignableFrom(type) || typeof(IBaseQuery).IsAssignableFrom(type)
            || typeof(IBaseStreamRequest).IsAssignableFrom(type) || typeof(IBaseStreamCommand).IsAssignableFrom(type) || typeof(IBaseStreamQuery).IsAssignableFrom(type));

    private static readonly Type[] HandlerInterfaces =
    [
        typeof(IRequestHandler<>), typeof(IRequestHandler<,>), typeof(ICommandHandler<>), typeof(ICommandHandler<,>), typeof(IQueryHandler<,>),
        typeof(IStreamRequestHandler<,>), typeof(IStreamCommandHandler<,>), typeof(IStreamQueryHandler<,>),
    ];

    private static bool IsHandlerInterface(Type type) => type.IsGenericType && HandlerInterfaces.Contains(type.GetGenericTypeDefinition());

    private static IEnumerable<Type> HandledMessages(Type type) => type.GetInterfaces().Where(IsHandlerInterface).Select(i => i.GenericTypeArguments[0]);
}
