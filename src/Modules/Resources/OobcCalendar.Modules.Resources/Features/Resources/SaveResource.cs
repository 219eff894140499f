using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Resources;

/// <summary>An Admin creates (<see cref="Id"/> null) or edits a resource.</summary>
internal sealed record SaveResource(
    Guid? Id,
    ResourceKind Kind,
    string Name,
    string? Location,
    int? Capacity,
    IReadOnlyList<string> Features,
    string? Description,
    bool RequiresApproval,
    IReadOnlyList<Guid> ApproverIds,
    string TimeZoneId,
    BookingRules Rules,
    string? Identifier = null) : ICommand<Guid>;

internal sealed class SaveResourceValidator : AbstractValidator<SaveResource>
{
    public SaveResourceValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Give the resource a name.").MaximumLength(150);
        RuleFor(r => r.Location).MaximumLength(200);
        RuleFor(r => r.Identifier).MaximumLength(40);
        RuleFor(r => r.Description).MaximumLength(2000);
        RuleFor(r => r.Capacity).InclusiveBetween(1, 10000).When(r => r.Capacity is not null).WithMessage("Capacity must be between 1 and 10,000.");
        RuleFor(r => r.Capacity).NotNull().When(r => r.Kind == ResourceKind.Room).WithMessage("Rooms need a capacity (seats).");
        RuleFor(r => r.TimeZoneId).Must(OfficeTime.IsKnownZone).WithMessage("Choose a time zone from the list.");
        RuleForEach(r => r.Features).MaximumLength(80);
        RuleFor(r => r.Rules.Days).InclusiveBetween(1, BookingRules.EveryDayMask).WithMessage("Choose at least one bookable day.");
        RuleFor(r => r.Rules).Must(r => r.IsAllDay || r.OpensAt < r.ClosesAt).WithMessage("Bookable hours must close after they open (use 00:00–00:00 for all day).").OverridePropertyName("Hours");
        RuleFor(r => r.Rules.BufferBeforeMinutes).InclusiveBetween(0, 240).WithMessage("Buffers are between 0 and 240 minutes.").OverridePropertyName("BufferBeforeMinutes");
        RuleFor(r => r.Rules.BufferAfterMinutes).InclusiveBetween(0, 240).WithMessage("Buffers are between 0 and 240 minutes.").OverridePropertyName("BufferAfterMinutes");
        RuleFor(r => r.Rules.MinimumNoticeMinutes).InclusiveBetween(0, 60 * 24 * 30).WithMessage("Minimum notice is between 0 minutes and 30 days.").OverridePropertyName("MinimumNoticeMinutes");
        RuleFor(r => r.Rules.MaximumAdvanceDays).InclusiveBetween(1, 730).WithMessage("Bookings may open between 1 and 730 days ahead.").OverridePropertyName("MaximumAdvanceDays");
        RuleFor(r => r.Rules.MaximumDurationMinutes).InclusiveBetween(15, 60 * 24 * 14).WithMessage("Maximum duration is between 15 minutes and 14 days.").OverridePropertyName("MaximumDurationMinutes");
        RuleFor(r => r.ApproverIds).NotEmpty().When(r => r.RequiresApproval).WithMessage("Choose at least one approver, or turn approval off.");
    }
}

internal sealed class SaveResourceHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser, IUserDirectory directory, TimeProvider clock)
    : ICommandHandler<SaveResource, Guid>
{
    public async ValueTask<Guid> Handle(SaveResource command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "manage resources");
        var approvers = await directory.GetManyAsync(command.ApproverIds, cancellationToken);
        if (approvers.Count != command.ApproverIds.Distinct().Count() || approvers.Any(a => !a.Roles.Contains(Roles.Manager) && !a.Roles.Contains(Roles.Admin)))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["ApproverIds"] = ["Approvers must be active Managers or Admins."] });
        }

        var details = new ResourceDetails(command.Kind, command.Name, command.Location, command.Capacity, command.Features, command.Description,
            command.RequiresApproval, command.ApproverIds, command.TimeZoneId, command.Rules, command.Identifier);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Resource resource;
        if (command.Id is { } id)
        {
            resource = await db.Resources.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("That resource no longer exists.");
            resource.Update(details);
        }
        else
        {
            resource = Resource.Create(Guid.CreateVersion7(), details, clock.GetUtcNow());
            db.Resources.Add(resource);
        }

        db.NotifyLive(new LiveUpdate(ResourcesTopics.Resources, resource.Id.ToString(), command.Id is null ? "created" : "updated"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["Name"] = [$"There is already a resource named {command.Name.Trim()}."] });
        }

        return resource.Id;
    }
}
