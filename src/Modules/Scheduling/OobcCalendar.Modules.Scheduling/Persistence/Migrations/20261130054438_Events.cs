using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace OobcCalendar.Modules.Scheduling.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Events : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "categories",
                schema: "scheduling",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    colour = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "events",
                schema: "scheduling",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    start_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    all_day = table.Column<bool>(type: "boolean", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organizer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organizer_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reminder_minutes = table.Column<List<int>>(type: "integer[]", nullable: true),
                    recurrence_rule = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    exception_dates = table.Column<List<DateTimeOffset>>(type: "timestamp with time zone[]", nullable: false),
                    member_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    series_end_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    split_from_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "occurrence_index_state",
                schema: "scheduling",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    horizon_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_occurrence_index_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "occurrences",
                schema: "scheduling",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recurrence_id = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    start_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    overridden = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_occurrences", x => new { x.event_id, x.recurrence_id });
                });

            migrationBuilder.CreateTable(
                name: "event_overrides",
                schema: "scheduling",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recurrence_id = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    start_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_overrides", x => new { x.event_id, x.recurrence_id });
                    table.ForeignKey(
                        name: "fk_event_overrides_events_event_id",
                        column: x => x.event_id,
                        principalSchema: "scheduling",
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "event_participants",
                schema: "scheduling",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    response = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_participants", x => new { x.event_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_event_participants_events_event_id",
                        column: x => x.event_id,
                        principalSchema: "scheduling",
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "scheduling",
                table: "categories",
                columns: new[] { "id", "colour", "name", "order" },
                values: new object[,]
                {
                    { new Guid("0193a000-0000-7000-8000-000000000001"), "#1565c0", "Meeting", 1 },
                    { new Guid("0193a000-0000-7000-8000-000000000002"), "#6a1b9a", "Training", 2 },
                    { new Guid("0193a000-0000-7000-8000-000000000003"), "#00838f", "Field work", 3 },
                    { new Guid("0193a000-0000-7000-8000-000000000004"), "#c62828", "Deadline", 4 },
                    { new Guid("0193a000-0000-7000-8000-000000000005"), "#2e7d32", "Office event", 5 },
                    { new Guid("0193a000-0000-7000-8000-000000000006"), "#546e7a", "Personal", 6 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_categories_name",
                schema: "scheduling",
                table: "categories",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_event_participants_user_id",
                schema: "scheduling",
                table: "event_participants",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_member_ids",
                schema: "scheduling",
                table: "events",
                column: "member_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_events_organizer_unit_id",
                schema: "scheduling",
                table: "events",
                column: "organizer_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_series_end_utc",
                schema: "scheduling",
                table: "events",
                column: "series_end_utc",
                filter: "recurrence_rule IS NOT NULL AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_occurrences_start_utc_end_utc",
                schema: "scheduling",
                table: "occurrences",
                columns: new[] { "start_utc", "end_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "categories",
                schema: "scheduling");

            migrationBuilder.DropTable(
                name: "event_overrides",
                schema: "scheduling");

            migrationBuilder.DropTable(
                name: "event_participants",
                schema: "scheduling");

            migrationBuilder.DropTable(
                name: "occurrence_index_state",
                schema: "scheduling");

            migrationBuilder.DropTable(
                name: "occurrences",
                schema: "scheduling");

            migrationBuilder.DropTable(
                name: "events",
                schema: "scheduling");
        }
    }
}
