using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Books the occurrences the user kept (each possibly moved or on another resource) as one series, all or nothing.</summary>
internal sealed record RequestBookingSeries(string Purpose, int? ExpectedAttendees, IReadOnlyList<SeriesChoice> Occurrences, IReadOnlyList<Guid>? AttendeeIds = null)
    : ICommand<IReadOnlyList<BookingReceipt>>;

/// <summary>An occurrence to book.</summary>
internal sealed record SeriesChoice(Guid ResourceId, DateTimeOffset Start, DateTimeOffset End);

internal sealed class RequestBookingSeriesValidator : AbstractValidator<RequestBookingSeries>
{
    public RequestBookingSeriesValidator()
    {
        RuleFor(r => r.Purpose).NotEmpty().WithMessage("Say what the booking is for.").MaximumLength(500);
        RuleFor(r => r.Occurrences).NotEmpty().WithMessage("Keep at least one occurrence to book.");
        RuleFor(r => r.Occurrences.Count).LessThanOrEqualTo(CheckBookingSeriesHandler.MaxOccurrences).WithMessage($"A series can have at most {CheckBookingSeriesHandler.MaxOccurrences} occurrences.");
        RuleForEach(r => r.Occurrences).Must(o => o.End > o.Start).WithMessage("Each occurrence must end after it starts.");
    }
}

internal sealed class RequestBookingSeriesHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RequestBookingSeries, IReadOnlyList<BookingReceipt>>
{
    public async ValueTask<IReadOnlyList<BookingReceipt>> Handle(RequestBookingSeries command, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("book resources");
        var now = clock.GetUtcNow();
        var seriesId = Guid.CreateVersion7();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = command.Occurrences.Select(o => o.ResourceId).Distinct().ToList();
        var resources = await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var bookings = new List<Booking>();
        foreach (var choice in command.Occurrences.OrderBy(o => o.Start))
        {
            var resource = resources.GetValueOrDefault(choice.ResourceId) ?? throw new NotFoundException("One of the chosen resources no longer exists.");
            var blackout = (await Availability.BlackoutsAsync(db, resource.Id, choice.Start - resource.Rules.BufferBefore, choice.End + resource.Rules.BufferAfter, cancellationToken)).FirstOrDefault();
            if (blackout is not null)
            {
                throw new BusinessRuleException($"{resource.Name} is unavailable {SlotMessages.Range(choice.Start, choice.End, OfficeTime.Zone(currentUser.TimeZoneId))}: {blackout.Reason}.");
            }

            var booking = Booking.Request(Guid.CreateVersion7(), resource, new BookingRequest(currentUser.Id, choice.Start, choice.End, command.Purpose, command.ExpectedAttendees, command.AttendeeIds ?? []), now, seriesId);
            db.Bookings.Add(booking);
            BookingNotices.Requested(db, booking, resource, now);
            bookings.Add(booking);
        }

        try
        {
            await using var transaction = await ResourceLocks.BeginAsync(db, resources.Keys, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (PostgresErrors.IsExclusionViolation(ex) || PostgresErrors.IsDeadlock(ex))
        {
            throw new ConflictException("One of the occurrences was taken while you were choosing. Nothing was booked; check the series again.");
        }

        return bookings.Select(b => new BookingReceipt(b.Id, b.Status.ToString())).ToList();
    }
}
