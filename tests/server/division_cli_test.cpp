#include <catch2/catch.hpp>

#include "cli_test_support.hpp"

using namespace madoguchi::testing;

namespace {

struct Organisation {
    TempDir temp;
    std::string db = (temp.path() / "madoguchi.db").string();

    ProgramRun run(std::vector<std::string> arguments, const std::string& input = {}) const {
        arguments.insert(arguments.begin() + (arguments.size() > 1 ? 2 : 1), {"--db", db});
        return madoguchi_cli(arguments, input);
    }
    std::string file(const std::string& name, const std::string& content) const {
        const auto path = temp.path() / name;
        write_file(path, content);
        return path.string();
    }
};

}  // namespace

TEST_CASE("division add builds the tree that division list shows indented", "[cli][division]") {
    Organisation organisation;
    CHECK(organisation.run({"division", "add", "--code", "MIN", "--name-ja", "大臣官房", "--name-en", "Minister's Secretariat"})
              .exit_code == 0);
    const auto added = organisation.run({"division", "add", "--code", "MIN-SOM", "--name-ja", "総務課", "--parent", "MIN"});
    CHECK(added.exit_code == 0);
    CHECK(mentions(added.out, "MIN-SOM"));
    CHECK(organisation.run({"division", "add", "--code", "JPO", "--name-ja", "特許庁"}).exit_code == 0);

    const auto list = organisation.run({"division", "list"});
    REQUIRE(list.exit_code == 0);
    CHECK(list.out ==
          "JPO        特許庁\n"
          "MIN        大臣官房  (Minister's Secretariat)\n"
          "  MIN-SOM  総務課\n");
    CHECK(cli_audit_actions(organisation.db) ==
          std::vector<std::string>{"division.created", "division.created", "division.created"});
}

TEST_CASE("division add refuses a taken code, an unknown parent and bad fields", "[cli][division]") {
    Organisation organisation;
    REQUIRE(organisation.run({"division", "add", "--code", "MIN", "--name-ja", "大臣官房"}).exit_code == 0);
    const auto taken = organisation.run({"division", "add", "--code", "MIN", "--name-ja", "別名"});
    CHECK(taken.exit_code == 1);
    CHECK(mentions(taken.err, "code: division 'MIN' exists already"));
    const auto orphan = organisation.run({"division", "add", "--code", "X-1", "--name-ja", "課", "--parent", "NOPE"});
    CHECK(orphan.exit_code == 1);
    CHECK(mentions(orphan.err, "parent: 'NOPE' is not a registered division code"));
    const auto bad = organisation.run({"division", "add", "--code", "bad code", "--name-ja", " "});
    CHECK(bad.exit_code == 1);
    CHECK(mentions(bad.err, "code: must be 1 to 32 of A-Z"));
    CHECK(mentions(bad.err, "name_ja: is required"));
    CHECK(count_of(organisation.db, "SELECT count(*) FROM divisions") == 1);
    CHECK(count_of(organisation.db, "SELECT count(*) FROM audit_log") == 1);
}

TEST_CASE("division commands explain their usage", "[cli][division]") {
    const auto help = madoguchi_cli({"division", "--help"});
    CHECK(help.exit_code == 0);
    for (const auto* word : {"add", "import", "list"}) CHECK(mentions(help.out, word));
    const auto add_help = madoguchi_cli({"division", "add", "--help"});
    CHECK(add_help.exit_code == 0);
    CHECK(mentions(add_help.out, "--parent"));
    const auto missing = madoguchi_cli({"division", "add", "--db", "x.db", "--name-ja", "課"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "madoguchi division add: option --code is required\n");
    const auto unknown = madoguchi_cli({"division", "rename"});
    CHECK(unknown.exit_code == 2);
    CHECK(mentions(unknown.err, "unknown subcommand 'rename'"));
    CHECK(madoguchi_cli({"division"}).exit_code == 2);
}

TEST_CASE("division import takes parents after their children, and updates", "[cli][division]") {
    Organisation organisation;
    REQUIRE(organisation.run({"division", "add", "--code", "MIN", "--name-ja", "官房"}).exit_code == 0);
    const auto csv = organisation.file("divisions.csv",
                                       "code,parent_code,name_ja,name_en\r\n"
                                       "MIN-SOM,MIN,総務課,General Affairs Division\r\n"
                                       "JPO-SHI,JPO,審査第一部,\r\n"
                                       "JPO,,特許庁,Japan Patent Office\r\n"
                                       "MIN,,大臣官房,Minister's Secretariat\r\n");
    const auto dry = organisation.run({"division", "import", "--dry-run", csv});
    CHECK(dry.exit_code == 0);
    CHECK(mentions(dry.out, "3 added, 1 updated, 0 unchanged; nothing was written"));
    CHECK(count_of(organisation.db, "SELECT count(*) FROM divisions") == 1);

    const auto imported = organisation.run({"division", "import", csv});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK(mentions(imported.out, "3 added, 1 updated, 0 unchanged"));
    CHECK(count_of(organisation.db, "SELECT count(*) FROM divisions WHERE parent_code = 'JPO'") == 1);
    CHECK(texts_of(organisation.db, "SELECT name_ja FROM divisions WHERE code = 'MIN'") ==
          std::vector<std::string>{"大臣官房"});
    const auto again = organisation.run({"division", "import", csv});
    CHECK(mentions(again.out, "0 added, 0 updated, 4 unchanged"));
    CHECK(count_of(organisation.db, "SELECT count(*) FROM audit_log WHERE action LIKE 'division.%'") == 5);
}

TEST_CASE("division import lists every bad line and writes nothing", "[cli][division]") {
    Organisation organisation;
    const auto csv = organisation.file("divisions.csv",
                                       "code,parent_code,name_ja\n"
                                       "A,,局\n"
                                       "B,NOWHERE,課\n"
                                       "C,D,課\n"
                                       "D,C,課\n"
                                       "A,,重複\n"
                                       "E,,\"broken\n"
                                       "bad code,,課\n");
    const auto run = organisation.run({"division", "import", csv});
    CHECK(run.exit_code == 1);
    CHECK(mentions(run.err, "line 3: parent_code: 'NOWHERE' is neither a registered division nor in the file"));
    CHECK(mentions(run.err, "line 4: parent_code: makes a loop: C → D → C"));
    CHECK(mentions(run.err, "line 5: parent_code: makes a loop: D → C → D"));
    CHECK(mentions(run.err, "line 6: code: 'A' appears again (first on line 2)"));
    CHECK(mentions(run.err, "line 7: csv: a quoted field is not closed"));
    CHECK(mentions(run.err, "line 8: code: must be 1 to 32 of A-Z"));
    CHECK(mentions(run.err, "6 problem(s)"));
    CHECK(count_of(organisation.db, "SELECT count(*) FROM divisions") == 0);
}
