using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Attendance.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ListsCheckInsTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attendance_lists",
                schema: "attendance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurrence_start_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    self_check_in_allowed = table.Column<bool>(type: "boolean", nullable: false),
                    walk_ins_allowed = table.Column<bool>(type: "boolean", nullable: false),
                    check_out_recorded = table.Column<bool>(type: "boolean", nullable: false),
                    opens_minutes_before = table.Column<int>(type: "integer", nullable: false),
                    opened_by = table.Column<Guid>(type: "uuid", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    door_secret = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendance_lists", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "check_in_undos",
                schema: "attendance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    check_in_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    walk_in_id = table.Column<Guid>(type: "uuid", nullable: true),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    desk = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    undone_by = table.Column<Guid>(type: "uuid", nullable: false),
                    undone_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_check_in_undos", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "check_ins",
                schema: "attendance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    walk_in_id = table.Column<Guid>(type: "uuid", nullable: true),
                    expected = table.Column<bool>(type: "boolean", nullable: false),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    desk = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    method = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    checked_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_check_ins", x => x.id);
                    table.CheckConstraint("ck_check_ins_one_who", "(person_id IS NULL) <> (walk_in_id IS NULL)");
                });

            migrationBuilder.CreateTable(
                name: "known_events",
                schema: "attendance",
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
                    cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    cancelled_from_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_events", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "known_occurrence_changes",
                schema: "attendance",
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

            migrationBuilder.CreateTable(
                name: "tickets",
                schema: "attendance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "walk_ins",
                schema: "attendance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    organisation = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    contact = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    added_by = table.Column<Guid>(type: "uuid", nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_walk_ins", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attendance_lists_event_id_occurrence_start_utc",
                schema: "attendance",
                table: "attendance_lists",
                columns: new[] { "event_id", "occurrence_start_utc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_check_in_undos_list_id",
                schema: "attendance",
                table: "check_in_undos",
                column: "list_id");

            migrationBuilder.CreateIndex(
                name: "ix_check_ins_list_id_recorded_at",
                schema: "attendance",
                table: "check_ins",
                columns: new[] { "list_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ux_check_ins_list_person",
                schema: "attendance",
                table: "check_ins",
                columns: new[] { "list_id", "person_id" },
                unique: true,
                filter: "person_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_check_ins_list_walk_in",
                schema: "attendance",
                table: "check_ins",
                columns: new[] { "list_id", "walk_in_id" },
                unique: true,
                filter: "walk_in_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_list_id_person_id",
                schema: "attendance",
                table: "tickets",
                columns: new[] { "list_id", "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_token_hash",
                schema: "attendance",
                table: "tickets",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_walk_ins_list_id",
                schema: "attendance",
                table: "walk_ins",
                column: "list_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendance_lists",
                schema: "attendance");

            migrationBuilder.DropTable(
                name: "check_in_undos",
                schema: "attendance");

            migrationBuilder.DropTable(
                name: "check_ins",
                schema: "attendance");

            migrationBuilder.DropTable(
                name: "known_events",
                schema: "attendance");

            migrationBuilder.DropTable(
                name: "known_occurrence_changes",
                schema: "attendance");

            migrationBuilder.DropTable(
                name: "tickets",
                schema: "attendance");

            migrationBuilder.DropTable(
                name: "walk_ins",
                schema: "attendance");
        }
    }
}
