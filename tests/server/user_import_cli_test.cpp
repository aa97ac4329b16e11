#include <catch2/catch.hpp>
#include <iconv.h>

#include <chrono>
#include <cstdio>

#include "cli_test_support.hpp"

using namespace madoguchi::testing;

namespace {

struct Office {
    TempDir temp;
    std::string db = (temp.path() / "madoguchi.db").string();

    Office() {
        const auto divisions = file("divisions.csv",
                                    "code,parent_code,name_ja\n"
                                    "MIN,,大臣官房\nMIN-SOM,MIN,総務課\nMIN-JIN,MIN,人事課\nJPO,,特許庁\nJPO-SHI,JPO,審査第一部\n");
        REQUIRE(run({"division", "import", divisions}).exit_code == 0);
    }

    ProgramRun run(std::vector<std::string> arguments, const std::string& input = {}) const {
        arguments.insert(arguments.begin() + 2, {"--db", db});
        return madoguchi_cli(arguments, input);
    }
    std::string file(const std::string& name, const std::string& content) const {
        const auto path = temp.path() / name;
        write_file(path, content);
        return path.string();
    }
    std::int64_t users() const { return count_of(db, "SELECT count(*) FROM users"); }
    std::string field(const std::string& login, const std::string& column) const {
        const auto values = texts_of(db, "SELECT " + column + " FROM users WHERE login = '" + login + "'");
        REQUIRE(values.size() == 1);
        return values.front();
    }
    std::string roles(const std::string& login) const {
        const auto values = texts_of(db, "SELECT group_concat(role, ',') FROM (SELECT role FROM user_roles r JOIN users u "
                                         "ON u.id = r.user_id WHERE u.login = '" + login + "' ORDER BY role)");
        return values.empty() ? std::string() : values.front();
    }
};

std::string to_cp932(const std::string& utf8) {
    const iconv_t converter = iconv_open("CP932", "UTF-8");
    REQUIRE(converter != reinterpret_cast<iconv_t>(-1));
    std::string output(utf8.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* out = output.data();
    std::size_t out_left = output.size();
    const auto converted = iconv(converter, &in, &in_left, &out, &out_left);
    iconv_close(converter);
    REQUIRE(converted != static_cast<std::size_t>(-1));
    output.resize(output.size() - out_left);
    return output;
}

// `count` staff across the divisions, every 20th also a manager; Japanese names, every
// 10th of the family `first_family`.
std::string generated_users(int count, const char* first_family = "佐藤") {
    const char* families[] = {first_family, "鈴木", "髙橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"};
    const char* givens[] = {"太郎", "花子", "一郎", "美咲", "健二", "直子", "大輔", "愛", "聡", "誠", "表示"};
    const char* divisions[] = {"MIN-SOM", "MIN-JIN", "JPO-SHI"};
    std::string csv = "login,name,division_code,roles,email\r\n";
    for (int index = 0; index < count; ++index) {
        char login[32];
        std::snprintf(login, sizeof login, "user%05d", index);
        csv += std::string(login) + "," + families[index % 10] + " " + givens[index % 11] + "," + divisions[index % 3] +
               "," + (index % 20 == 0 ? "staff;manager" : "staff") + "," + login + "@example.go.jp\r\n";
    }
    return csv;
}

}  // namespace

TEST_CASE("user import adds new logins without passwords, updates existing ones, leaves others alone", "[cli][import]") {
    Office office;
    REQUIRE(office.run({"user", "add", "--login", "kept", "--name", "残留 者", "--division", "JPO", "--roles", "staff"})
                .exit_code == 0);
    REQUIRE(office.run({"user", "add", "--login", "moved", "--name", "異動 者", "--division", "JPO", "--roles", "staff",
                        "--email", "moved@example.go.jp"})
                .exit_code == 0);
    REQUIRE(office.run({"user", "add", "--login", "same", "--name", "同じ 人", "--division", "JPO", "--roles", "auditor"})
                .exit_code == 0);
    const auto csv = office.file("users.csv",
                                 "\xEF\xBB\xBF" "Roles,login,name,division_code,vendor_company\r\n"
                                 "staff;manager,moved,異動 者,MIN-SOM,\r\n"
                                 "auditor,same,同じ 人,JPO,\r\n"
                                 "\"staff manager\",Sato.Hanako,佐藤 花子,MIN-JIN,\r\n"
                                 "vendor,ricoh,\"吉田, 誠\",MIN-SOM,リコージャパン株式会社\r\n");
    const auto dry = office.run({"user", "import", "--dry-run", csv});
    INFO(dry.err);
    REQUIRE(dry.exit_code == 0);
    CHECK(dry.out == "dry run of " + csv + " (UTF-8): 2 added, 1 updated, 1 unchanged; nothing was written\n");
    CHECK(office.users() == 3);

    const auto imported = office.run({"user", "import", csv});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK(mentions(imported.out, "2 added, 1 updated, 1 unchanged"));
    CHECK(mentions(imported.out, "the 2 added account(s) have no password"));
    CHECK(office.users() == 5);
    CHECK(office.field("moved", "division_code") == "MIN-SOM");
    CHECK(office.roles("moved") == "manager,staff");
    // The file has no email column: the stored address stays.
    CHECK(office.field("moved", "email") == "moved@example.go.jp");
    CHECK(office.field("sato.hanako", "name") == "佐藤 花子");
    CHECK(office.field("sato.hanako", "password_hash IS NULL") == "1");
    CHECK(office.field("ricoh", "name") == "吉田, 誠");
    CHECK(office.field("ricoh", "vendor_company") == "リコージャパン株式会社");
    CHECK(office.field("kept", "division_code") == "JPO");

    const auto actions = texts_of(office.db, "SELECT action FROM audit_log WHERE id > (SELECT max(id) FROM audit_log "
                                             "WHERE action = 'user.created' AND object_id = (SELECT id FROM users WHERE "
                                             "login = 'same')) ORDER BY id");
    CHECK(actions == std::vector<std::string>{"user.created", "user.created", "user.updated", "user.imported"});
    const auto summary = texts_of(office.db, "SELECT after_json FROM audit_log WHERE action = 'user.imported'");
    REQUIRE(summary.size() == 1);
    CHECK(nlohmann::json::parse(summary.front())["added"] == 2);

    CHECK(mentions(office.run({"user", "import", csv}).out, "0 added, 0 updated, 4 unchanged"));
}

TEST_CASE("user import reads CP932 (Shift_JIS) files with Japanese names", "[cli][import]") {
    Office office;
    const auto utf8 = std::string("login,name,division_code,roles\r\n") +
                      "takahashi,髙橋 一郎,MIN-SOM,staff\r\n"
                      "soga,曽我 表示,JPO-SHI,staff;it_office\r\n"
                      "nami,波～ 花子,MIN-JIN,staff\r\n";
    const auto csv = office.file("users-sjis.csv", to_cp932(utf8));
    const auto imported = office.run({"user", "import", csv});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK(mentions(imported.out, "(CP932): 3 added"));
    CHECK(office.field("takahashi", "name") == "髙橋 一郎");
    CHECK(office.field("soga", "name") == "曽我 表示");
    CHECK(office.field("nami", "name") == "波～ 花子");
    CHECK(office.roles("soga") == "it_office,staff");

    // Read as UTF-8 on purpose, the same file is refused at its first Japanese byte.
    const auto forced = office.run({"user", "import", "--encoding", "utf-8", csv});
    CHECK(forced.exit_code == 1);
    CHECK(mentions(forced.err, "line 2: encoding: byte 0x"));
    CHECK(mentions(forced.err, "cannot be read as UTF-8"));
    const auto unknown = office.run({"user", "import", "--encoding", "latin1", csv});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err == "madoguchi user import: --encoding must be auto, utf-8 or cp932, not 'latin1'\n");
}

TEST_CASE("user import lists every problem with its line and writes nothing", "[cli][import]") {
    Office office;
    const auto csv = office.file("bad.csv",
                                 "login,name,division_code,roles,email\n"
                                 "ok.one,佐藤 一,MIN-SOM,staff,\n"
                                 "broken,\"佐藤 \"二\",MIN-SOM,staff,\n"
                                 "bad.role,鈴木 二郎,MIN-SOM,staff;boss,\n"
                                 "no.div,田中 三郎,NOPE,staff,\n"
                                 "ok.one,重複,MIN-SOM,staff,\n"
                                 "multi,\"複数\n"
                                 "行\",MIN-SOM,staff,bad-email\n"
                                 "short,名前\n"
                                 "fine,伊藤 四郎,JPO-SHI,auditor,\n");
    for (const auto dry_run : {true, false}) {
        std::vector<std::string> arguments{"user", "import", csv};
        if (dry_run) arguments.insert(arguments.begin() + 2, "--dry-run");
        const auto run = office.run(arguments);
        CHECK(run.exit_code == 1);
        const auto report = [&](const std::string& line) {
            INFO(run.err);
            CHECK(mentions(run.err, csv + ": " + line + "\n"));
        };
        report("line 3: csv: text after the closing quote of a field");
        report("line 4: roles: unknown role 'boss' (roles: staff, manager, operator, it_office, vendor, auditor, admin)");
        report("line 5: division_code: 'NOPE' is not a registered division code");
        report("line 6: login: 'ok.one' appears again (first on line 2)");
        report("line 7: name: contains a control character that is not allowed");
        report("line 7: email: is not a valid e-mail address");
        report("line 9: record: has 2 fields, the header has 5");
        CHECK(mentions(run.err, "error: 7 problem(s) in " + csv + "; nothing was written"));
        CHECK(office.users() == 0);
    }
    CHECK(count_of(office.db, "SELECT count(*) FROM audit_log WHERE action LIKE 'user.%'") == 0);
}

TEST_CASE("user import needs a header with the required columns and no unknown ones", "[cli][import]") {
    Office office;
    const auto csv = office.file("header.csv", "login,name,division,roles,extra\nsato,佐藤,MIN-SOM,staff,x\n");
    const auto run = office.run({"user", "import", csv});
    CHECK(run.exit_code == 1);
    CHECK(mentions(run.err, "line 1: header: unknown column 'division'"));
    CHECK(mentions(run.err, "line 1: header: unknown column 'extra'"));
    CHECK(mentions(run.err, "line 1: header: required column 'division_code' is missing"));
    const auto empty = office.run({"user", "import", office.file("empty.csv", "")});
    CHECK(empty.exit_code == 1);
    CHECK(mentions(empty.err, "the file is empty"));
    const auto missing = office.run({"user", "import", (office.temp.path() / "absent.csv").string()});
    CHECK(missing.exit_code == 1);
    CHECK(mentions(missing.err, "cannot read"));
}

TEST_CASE("user import refuses to take the admin role from the last enabled administrator", "[cli][import]") {
    Office office;
    REQUIRE(office.run({"user", "add", "--login", "root", "--name", "管理 者", "--division", "JPO", "--roles", "admin"})
                .exit_code == 0);
    const auto csv = office.file("demote.csv", "login,name,division_code,roles\nroot,管理 者,JPO,staff\n");
    const auto run = office.run({"user", "import", csv});
    CHECK(run.exit_code == 1);
    CHECK(mentions(run.err, "line 2: roles: removes the admin role from the last enabled administrator"));
    CHECK(office.roles("root") == "admin");
}

TEST_CASE("user import of 11,300 rows takes seconds, in UTF-8 and in CP932", "[cli][import][slow]") {
    const auto csv_text = generated_users(11300);
    for (const bool shift_jis : {false, true}) {
        Office office;
        const auto csv = office.file("staff.csv", shift_jis ? to_cp932(csv_text) : csv_text);
        const auto started = std::chrono::steady_clock::now();
        const auto run = office.run({"user", "import", csv});
        const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        INFO(run.err.substr(0, 2000));
        REQUIRE(run.exit_code == 0);
        CHECK(mentions(run.out, shift_jis ? "(CP932): 11300 added, 0 updated, 0 unchanged"
                                          : "(UTF-8): 11300 added, 0 updated, 0 unchanged"));
        CHECK(office.users() == 11300);
        CHECK(count_of(office.db, "SELECT count(*) FROM user_roles WHERE role = 'manager'") == 565);
        CHECK(count_of(office.db, "SELECT count(*) FROM audit_log WHERE action = 'user.created'") == 11300);
        CHECK(mentions(run.err, "written 11300 of 11300"));
        std::printf("user import of 11,300 rows (%s): %.2f s for the whole command\n", shift_jis ? "CP932" : "UTF-8",
                    seconds);
        if (!shift_jis) {
            // A second run with every 10th name changed updates only those.
            const auto again = office.run({"user", "import", office.file("staff2.csv", generated_users(11300, "齋藤"))});
            REQUIRE(again.exit_code == 0);
            CHECK(mentions(again.out, "0 added, 1130 updated, 10170 unchanged"));
        }
    }
}
