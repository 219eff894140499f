using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Notifications.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RemindersAndEventsReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "due_reminders",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    offset_minutes = table.Column<int>(type: "integer", nullable: false),
                    due_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_due_reminders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "known_answers",
                schema: "notifications",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    response = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_answers", x => new { x.event_id, x.participant_id, x.scope });
                });

            migrationBuilder.CreateTable(
                name: "known_events",
                schema: "notifications",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    organizer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    start_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    all_day = table.Column<bool>(type: "boolean", nullable: false),
                    recurrence_rule = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    exception_dates_utc = table.Column<List<DateTimeOffset>>(type: "timestamp with time zone[]", nullable: false),
                    reminder_minutes = table.Column<List<int>>(type: "integer[]", nullable: true),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    cancelled_from_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reminders_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_events", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "known_occurrence_changes",
                schema: "notifications",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recurrence_id_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    start_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    end_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_occurrence_changes", x => new { x.event_id, x.recurrence_id_utc });
                });

            migrationBuilder.CreateIndex(
                name: "ix_due_reminders_due_at_utc",
                schema: "notifications",
                table: "due_reminders",
                column: "due_at_utc",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_due_reminders_event_id",
                schema: "notifications",
                table: "due_reminders",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_due_reminders_user_id_event_id_starts_at_utc_offset_minutes",
                schema: "notifications",
                table: "due_reminders",
                columns: new[] { "user_id", "event_id", "starts_at_utc", "offset_minutes" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_known_events_reminders_until",
                schema: "notifications",
                table: "known_events",
                column: "reminders_until",
                filter: "NOT cancelled");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "due_reminders",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "known_answers",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "known_events",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "known_occurrence_changes",
                schema: "notifications");
        }
    }
}
