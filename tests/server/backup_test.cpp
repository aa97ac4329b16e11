#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <thread>

#include "backup/backup_files.hpp"
#include "backup/backup_schedule.hpp"
#include "backup/backup_scheduler.hpp"
#include "backup/database_lock.hpp"
#include "backup/online_backup.hpp"
#include "backup_test_support.hpp"
#include "calendar/tokyo_time.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace backup = madoguchi::server::backup;
namespace calendar = madoguchi::calendar;
namespace store = madoguchi::server::store;
namespace fs = std::filesystem;
using madoguchi::testing::ChildProcess;
using madoguchi::testing::read_only_int;
using madoguchi::testing::read_only_text;
using madoguchi::testing::run_madoguchi;
using madoguchi::testing::ServingProcess;
using madoguchi::testing::TempDir;

namespace {

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

calendar::Instant tokyo(const std::string& text) {
    const auto parsed = calendar::parse_iso8601(text);
    REQUIRE(parsed.instant);
    return *parsed.instant;
}

std::string tokyo_text(calendar::Instant instant) { return calendar::format_iso8601_tokyo(instant); }

// A migrated database with `rows` inquiries in it.
fs::path make_database(const fs::path& path, int rows = 3, std::size_t body_bytes = 100) {
    REQUIRE(run_madoguchi({"migrate", "--db", path.string()}).exit_code == 0);
    madoguchi::testing::insert_inquiries(path, rows, 2020, body_bytes);
    return path;
}

std::vector<std::string> names_in(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// The backup file named on the command's output line "PATH (N bytes)".
fs::path written_path(const std::string& out) {
    std::smatch match;
    REQUIRE(std::regex_search(out, match, std::regex(R"(^(.*madoguchi-\d{8}T\d{6}Z\.db) \((\d+) bytes\)\n$)")));
    CHECK(std::stoull(match[2]) == fs::file_size(match[1].str()));
    return match[1].str();
}

void touch(const fs::path& path) { std::ofstream(path) << "x"; }

}  // namespace

TEST_CASE("the daily backup runs at the next Tokyo time of day", "[backup][schedule]") {
    const backup::TimeOfDay two{2 * 3600};
    SECTION("later today when the time is still ahead") {
        CHECK(tokyo_text(backup::next_backup_time(tokyo("2026-11-25T01:59:59+09:00"), two)) ==
              "2026-11-25T02:00:00+09:00");
    }
    SECTION("tomorrow when it has passed, or is now") {
        CHECK(tokyo_text(backup::next_backup_time(tokyo("2026-11-25T02:00:00+09:00"), two)) ==
              "2026-11-26T02:00:00+09:00");
        CHECK(tokyo_text(backup::next_backup_time(tokyo("2026-11-25T23:59:59+09:00"), two)) ==
              "2026-11-26T02:00:00+09:00");
    }
    SECTION("by the Tokyo date, not the UTC one") {
        // 16:30Z on 31 December is already 01:30 on New Year's Day in Tokyo.
        CHECK(tokyo_text(backup::next_backup_time(tokyo("2026-12-31T16:30:00Z"), two)) ==
              "2027-01-01T02:00:00+09:00");
        CHECK(tokyo_text(backup::next_backup_time(tokyo("2026-12-31T23:30:00+09:00"), two)) ==
              "2027-01-01T02:00:00+09:00");
    }
    SECTION("across the year's end, a leap day and a month's end") {
        const backup::TimeOfDay late{23 * 3600 + 45 * 60};
        CHECK(tokyo_text(backup::next_backup_time(tokyo("2026-12-31T23:50:00+09:00"), late)) ==
              "2027-01-01T23:45:00+09:00");
        CHECK(tokyo_text(backup::next_backup_time(tokyo("2028-02-28T03:00:00+09:00"), two)) ==
              "2028-02-29T02:00:00+09:00");
        CHECK(tokyo_text(backup::next_backup_time(tokyo("2027-02-28T03:00:00+09:00"), two)) ==
              "2027-03-01T02:00:00+09:00");
    }
    SECTION("midnight") {
        CHECK(tokyo_text(backup::next_backup_time(tokyo("2026-11-25T00:00:00+09:00"), backup::TimeOfDay{0})) ==
              "2026-11-26T00:00:00+09:00");
    }
}

TEST_CASE("backup times of day are read as HH:MM", "[backup][schedule]") {
    CHECK(backup::parse_time_of_day("02:00") == backup::TimeOfDay{7200});
    CHECK(backup::parse_time_of_day("2:30") == backup::TimeOfDay{9000});
    CHECK(backup::parse_time_of_day("23:59") == backup::TimeOfDay{86340});
    CHECK(backup::parse_time_of_day("00:00") == backup::TimeOfDay{0});
    for (const auto* wrong : {"24:00", "12:60", "2", "02:0", "02:000", "002:00", "ab:cd", "", ":30", "-1:00"}) {
        INFO(wrong);
        CHECK_FALSE(backup::parse_time_of_day(wrong));
    }
    CHECK(backup::format_time_of_day(backup::TimeOfDay{9000}) == "02:30");
}

TEST_CASE("backup files are named by their UTC time, and only those count for retention", "[backup]") {
    CHECK(backup::backup_file_name(tokyo("2026-11-26T08:59:51+09:00")) == "madoguchi-20261125T235951Z.db");
    CHECK(backup::is_backup_file_name("madoguchi-20261125T235951Z.db"));
    for (const auto* other : {"madoguchi.db", "madoguchi-latest.db", "madoguchi-20261125T235951Z.db.partial",
                              ".madoguchi-20261125T235951Z.db.partial", "madoguchi-20261125T235951Z.db-wal",
                              "madoguchi-2026112xT235951Z.db", "notes-20261125T235951Z.db"}) {
        INFO(other);
        CHECK_FALSE(backup::is_backup_file_name(other));
    }
    const std::vector<std::string> names{"madoguchi-20261123T170000Z.db", "notes.txt", "madoguchi-20261125T170000Z.db",
                                         "madoguchi-20251231T170000Z.db", "madoguchi-20261124T170000Z.db"};
    CHECK(backup::backups_beyond(names, 2) ==
          std::vector<std::string>{"madoguchi-20261123T170000Z.db", "madoguchi-20251231T170000Z.db"});
    CHECK(backup::backups_beyond(names, 4).empty());
    CHECK(backup::backups_beyond(names, 1).size() == 3);
}

TEST_CASE("retention keeps exactly the N newest backups and nothing else is touched", "[backup]") {
    TempDir temp;
    const auto folder = temp.path() / "backups";
    fs::create_directories(folder);
    for (int day = 10; day <= 29; ++day) touch(folder / ("madoguchi-202611" + std::to_string(day) + "T170000Z.db"));
    for (const auto* other : {"notes.txt", "madoguchi.db", ".madoguchi-20261101T170000Z.db.partial"}) touch(folder / other);
    const auto pruned = backup::remove_old_backups(folder, 14);
    REQUIRE(pruned);
    CHECK(pruned.value().removed.size() == 6);
    CHECK(pruned.value().failures.empty());
    std::vector<std::string> expected{".madoguchi-20261101T170000Z.db.partial"};
    for (int day = 16; day <= 29; ++day) expected.push_back("madoguchi-202611" + std::to_string(day) + "T170000Z.db");
    expected.push_back("madoguchi.db");
    expected.push_back("notes.txt");
    CHECK(names_in(folder) == expected);
    REQUIRE(backup::remove_old_backups(folder, 14));
    CHECK(names_in(folder) == expected);
}

TEST_CASE("madoguchi backup writes a complete, self-contained copy and prints it", "[backup][cli]") {
    TempDir temp;
    const auto database = make_database(temp.path() / "madoguchi.db", 250, 2000);
    const auto folder = temp.path() / "backups";
    fs::create_directories(folder);
    const auto run = run_madoguchi({"backup", "--db", database.string(), "--to", folder.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto written = written_path(run.out);
    CHECK(written.parent_path() == folder);
    // One file, nothing left over from writing it.
    CHECK(names_in(folder) == std::vector<std::string>{written.filename().string()});
    CHECK(read_only_text(written, "PRAGMA integrity_check") == "ok");
    CHECK(read_only_text(written, "PRAGMA journal_mode") == "delete");
    CHECK(read_only_int(written, "SELECT count(*) FROM inquiries") == 250);
    CHECK(read_only_int(written, "SELECT max(version) FROM schema_migrations") == store::latest_schema_version());
    CHECK(fs::file_size(written) > 250 * 2000);
}

TEST_CASE("a backup never overwrites an existing file", "[backup]") {
    TempDir temp;
    const auto database = make_database(temp.path() / "madoguchi.db");
    const auto folder = temp.path() / "backups";
    fs::create_directories(folder);
    const auto moment = tokyo("2026-11-26T02:00:00+09:00");
    const auto first = backup::back_up(database, folder, moment);
    REQUIRE(first);
    const auto size = fs::file_size(first.value().path);
    madoguchi::testing::insert_inquiries(database, 500, 2019, 1000);
    const auto second = backup::back_up(database, folder, moment);
    REQUIRE_FALSE(second);
    CHECK(mentions(second.error(), "madoguchi-20261125T170000Z.db already exists"));
    CHECK(fs::file_size(first.value().path) == size);
    CHECK(read_only_int(first.value().path, "SELECT count(*) FROM inquiries") == 3);
    CHECK(names_in(folder) == std::vector<std::string>{"madoguchi-20261125T170000Z.db"});
}

TEST_CASE("madoguchi backup explains what is wrong", "[backup][cli]") {
    TempDir temp;
    const auto database = make_database(temp.path() / "madoguchi.db");
    const auto folder = temp.path() / "backups";
    fs::create_directories(folder);
    const auto backup_to = [&](const fs::path& db, const fs::path& to) {
        return run_madoguchi({"backup", "--db", db.string(), "--to", to.string()});
    };

    SECTION("the folder is missing") {
        const auto run = backup_to(database, temp.path() / "nowhere");
        CHECK(run.exit_code == 1);
        CHECK(mentions(run.err, "backup folder " + (temp.path() / "nowhere").string() + " does not exist"));
    }
    SECTION("the folder is a file") {
        touch(temp.path() / "a-file");
        const auto run = backup_to(database, temp.path() / "a-file");
        CHECK(run.exit_code == 1);
        CHECK(mentions(run.err, "is not a folder"));
    }
    SECTION("the folder cannot be written to") {
        using fs::perms;
        fs::permissions(folder, perms::owner_read | perms::owner_exec | perms::group_read | perms::group_exec |
                                    perms::others_read | perms::others_exec);
        const std::vector<std::string> command{MADOGUCHI_BINARY, "backup", "--db", database.string(), "--to",
                                               folder.string()};
        // Root may write anywhere: run it as nobody then.
        std::vector<std::string> as_nobody{"/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"};
        as_nobody.insert(as_nobody.end(), command.begin(), command.end());
        const auto run = ChildProcess(::geteuid() == 0 ? as_nobody : command).wait();
        CHECK(run.exit_code == 1);
        CHECK(mentions(run.err, "cannot write to backup folder " + folder.string() + ": Permission denied"));
    }
    SECTION("the database is missing") {
        const auto run = backup_to(temp.path() / "missing.db", folder);
        CHECK(run.exit_code == 1);
        CHECK(mentions(run.err, (temp.path() / "missing.db").string() + " does not exist"));
        CHECK_FALSE(fs::exists(temp.path() / "missing.db"));
    }
    SECTION("the database is not SQLite") {
        std::ofstream(temp.path() / "notes.db") << std::string(8192, 'n');
        const auto run = backup_to(temp.path() / "notes.db", folder);
        CHECK(run.exit_code == 1);
        CHECK(mentions(run.err, (temp.path() / "notes.db").string() + " is not a SQLite database"));
    }
    SECTION("--to is missing or an option is unknown") {
        CHECK(run_madoguchi({"backup", "--db", database.string()}).exit_code == 2);
        const auto unknown = run_madoguchi({"backup", "--to", folder.string(), "--keep", "3"});
        CHECK(unknown.exit_code == 2);
        CHECK(mentions(unknown.err, "unknown option '--keep'"));
    }
    // Whatever failed, no file and no half-written copy is left in the folder.
    CHECK(names_in(folder).empty());
}

TEST_CASE("a backup the file system refuses says why and leaves nothing behind", "[backup][cli]") {
    TempDir temp;
    const auto database = make_database(temp.path() / "madoguchi.db", 200, 2000);
    const auto folder = temp.path() / "backups";
    fs::create_directories(folder);
    // A file size limit of 99 KiB stops the copy partway, as a full disk would (a real full
    // disk says "disk full while writing …"); SIGXFSZ is ignored so the write fails instead
    // of killing the process.
    ChildProcess limited({"/bin/sh", "-c", "trap '' XFSZ; ulimit -f 99; exec \"$0\" \"$@\"", MADOGUCHI_BINARY,
                          "backup", "--db", database.string(), "--to", folder.string()});
    const auto run = limited.wait();
    CHECK(run.exit_code == 1);
    CHECK(mentions(run.err, "error: backup of " + database.string() + " failed: " + folder.string()));
    CHECK(mentions(run.err, "File too large"));
    CHECK(names_in(folder).empty());
}

TEST_CASE("serve takes the daily backup options and refuses wrong ones", "[backup][cli]") {
    const auto help = run_madoguchi({"serve", "--help"});
    for (const auto* option : {"--backup-dir", "--backup-at", "--backup-keep", "Asia/Tokyo"}) {
        CHECK(mentions(help.out, option));
    }
    const auto program = run_madoguchi({"--help"});
    CHECK(mentions(program.out, "backup"));
    CHECK(mentions(program.out, "restore"));
    for (const auto* command : {"backup", "restore"}) {
        const auto run = run_madoguchi({command, "--help"});
        CHECK(run.exit_code == 0);
        CHECK(mentions(run.out, "--db"));
    }
    TempDir temp;
    const auto db = (temp.path() / "madoguchi.db").string();
    const auto folder = temp.path().string();
    const std::vector<std::pair<std::vector<std::string>, std::string>> wrong{
        {{"--backup-dir", folder, "--backup-at", "25:00"}, "--backup-at must be a time of day HH:MM"},
        {{"--backup-dir", folder, "--backup-keep", "0"}, "--backup-keep must be a number of backups from 1"},
        {{"--backup-dir", folder, "--backup-keep", "many"}, "--backup-keep must be"},
        {{"--backup-at", "03:00"}, "need --backup-dir"},
        {{"--backup-dir"}, "option --backup-dir needs a value"},
    };
    for (const auto& [options, message] : wrong) {
        std::vector<std::string> command{"serve", "--port", "0", "--db", db};
        command.insert(command.end(), options.begin(), options.end());
        const auto run = run_madoguchi(command);
        INFO(message);
        CHECK(run.exit_code == 2);
        CHECK(mentions(run.err, message));
    }
    CHECK_FALSE(fs::exists(db));
}

TEST_CASE("a second server on the same database is refused, naming the first one's pid", "[backup][cli]") {
    TempDir temp;
    const auto database = temp.path() / "madoguchi.db";
    ServingProcess first(database);
    std::ifstream lock_file(backup::DatabaseLock::lock_file_of(database));
    std::string pid;
    lock_file >> pid;
    CHECK(fs::read_symlink("/proc/" + pid + "/exe") == fs::canonical(MADOGUCHI_BINARY));

    const auto second = run_madoguchi({"serve", "--port", "0", "--db", database.string()});
    CHECK(second.exit_code == 1);
    CHECK(second.out.empty());
    CHECK(mentions(second.err, "a server is running on " + database.string() + " (pid " + pid + ")"));

    // The lock goes with the process, however it ends.
    first.end_with(SIGKILL);
    ServingProcess next(database);
    CHECK(next.port() > 0);
}

TEST_CASE("migration 7 keeps the server's events and admits the backup outcomes", "[backup][migrations]") {
    TempDir temp;
    const auto path = temp.path() / "old.db";
    {
        auto database = store::Database::open(path);
        REQUIRE(database);
        const auto& first = store::all_migrations().front();
        REQUIRE(database.value().execute(first.sql));
        REQUIRE(database.value().execute(
            "INSERT INTO schema_migrations VALUES (1, 'first', '2026-01-01T00:00:00Z');"
            "INSERT INTO server_events (occurred_at, kind, detail) VALUES ('2026-01-01T00:00:00Z', 'started', 'a'),"
            " ('2026-01-02T00:00:00Z', 'stopped', 'b');"));
        REQUIRE_FALSE(database.value().execute(
            "INSERT INTO server_events (occurred_at, kind) VALUES ('2026-01-03T00:00:00Z', 'backup_succeeded')"));
        REQUIRE(store::migrate(database.value()));
        REQUIRE(store::record_server_event(database.value(), store::ServerEvent::backup_failed, "disk full"));
        REQUIRE(store::record_server_event(database.value(), store::ServerEvent::backup_succeeded, "ok"));
        CHECK_FALSE(database.value().execute(
            "INSERT INTO server_events (occurred_at, kind) VALUES ('2026-01-03T00:00:00Z', 'rebooted')"));
    }
    CHECK(read_only_text(path, "SELECT group_concat(id || ':' || kind || ':' || detail, ' ') FROM server_events") ==
          "1:started:a 2:stopped:b 3:backup_failed:disk full 4:backup_succeeded:ok");
    CHECK(read_only_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'server_events_by_time'") == 1);
}

TEST_CASE("the scheduled backup runs at its time, prunes, records, and stops at once", "[backup][schedule]") {
    TempDir temp;
    const auto database = make_database(temp.path() / "madoguchi.db", 20);
    const auto folder = temp.path() / "backups";
    fs::create_directories(folder);
    for (const auto* old : {"madoguchi-20261120T170000Z.db", "madoguchi-20261121T170000Z.db",
                            "madoguchi-20261122T170000Z.db", "notes.txt"}) {
        touch(folder / old);
    }
    const auto events = [&] {
        return read_only_text(database, "SELECT coalesce(group_concat(kind, ' '), '') FROM server_events");
    };

    SECTION("a run two seconds from now") {
        const auto now = calendar::to_tokyo(calendar::now());
        const backup::TimeOfDay soon{(now.second_of_day + 2) % 86400};
        {
            backup::BackupScheduler scheduler(database, {folder, soon, 2});
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
            while (events().empty() && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        }
        CHECK(events() == "backup_succeeded");
        const auto names = names_in(folder);
        REQUIRE(names.size() == 3);
        CHECK(names[0] == "madoguchi-20261122T170000Z.db");
        CHECK(backup::is_backup_file_name(names[1]));
        CHECK(names[2] == "notes.txt");
        CHECK(read_only_int(folder / names[1], "SELECT count(*) FROM inquiries") == 20);
        CHECK(mentions(read_only_text(database, "SELECT detail FROM server_events"), names[1]));
    }
    SECTION("a run that fails is recorded as such") {
        fs::remove_all(folder);
        const auto now = calendar::to_tokyo(calendar::now());
        {
            backup::BackupScheduler scheduler(database, {folder, {(now.second_of_day + 1) % 86400}, 2});
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
            while (events().empty() && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        }
        CHECK(events() == "backup_failed");
        CHECK(mentions(read_only_text(database, "SELECT detail FROM server_events"), "does not exist"));
    }
    SECTION("stopping does not wait for the next run") {
        const auto now = calendar::to_tokyo(calendar::now());
        const auto started = std::chrono::steady_clock::now();
        {
            backup::BackupScheduler scheduler(database, {folder, {(now.second_of_day + 3600) % 86400}, 2});
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
        CHECK(events().empty());
    }
}

TEST_CASE("serve with a daily backup still stops at once", "[backup][schedule][cli]") {
    TempDir temp;
    const auto folder = temp.path() / "backups";
    fs::create_directories(folder);
    const auto now = calendar::to_tokyo(calendar::now());
    const auto later = backup::format_time_of_day({(now.second_of_day + 3 * 3600) % 86400});
    ServingProcess server(temp.path() / "madoguchi.db",
                          {"--backup-dir", folder.string(), "--backup-at", later, "--backup-keep", "3"});
    const auto asked = std::chrono::steady_clock::now();
    const auto err = server.end_with(SIGTERM);
    CHECK(std::chrono::steady_clock::now() - asked < std::chrono::seconds(2));
    CHECK(mentions(err, "daily backup at " + later + " (Asia/Tokyo) into " + folder.string() + ", keeping the 3 newest"));
    CHECK(mentions(err, "stopped"));
    CHECK(names_in(folder).empty());
}
