#include "identity/demo_organisation.hpp"

#include <sodium.h>

#include <stdexcept>

#include "calendar/tokyo_time.hpp"
#include "identity/division_import.hpp"
#include "identity/password.hpp"

namespace madoguchi::server::identity {
namespace {

// Parents before their children.
const std::vector<Division>& demo_divisions() {
    static const std::vector<Division> divisions{
        {"MIN", "", "大臣官房", "Minister's Secretariat"},
        {"MIN-SOM", "MIN", "総務課", "General Affairs Division"},
        {"MIN-JIN", "MIN", "人事課", "Personnel Division"},
        {"MIN-KAI", "MIN", "会計課", "Accounts Division"},
        {"MIN-JOH", "MIN", "情報システム室", "Information Systems Office"},
        {"ECO", "", "経済産業政策局", "Economic and Industrial Policy Bureau"},
        {"ECO-SOM", "ECO", "総務課", "General Affairs Division"},
        {"ECO-SAN", "ECO", "産業構造課", "Industrial Structure Division"},
        {"TRD", "", "通商政策局", "Trade Policy Bureau"},
        {"TRD-SOM", "TRD", "総務課", "General Affairs Division"},
        {"TRD-ASI", "TRD", "アジア大洋州課", "Asia and Pacific Division"},
        {"MFG", "", "製造産業局", "Manufacturing Industries Bureau"},
        {"MFG-SOM", "MFG", "総務課", "General Affairs Division"},
        {"MFG-KIK", "MFG", "産業機械課", "Industrial Machinery Division"},
        {"JPO", "", "特許庁", "Japan Patent Office"},
        {"JPO-SOM", "JPO", "総務部総務課", "General Affairs Division"},
        {"JPO-SHI", "JPO", "審査第一部", "First Patent Examination Department"},
        {"JPO-SHP", "JPO", "審判部", "Trial and Appeal Department"},
        {"REG", "", "地方経済産業局", "Regional Bureaus of Economy, Trade and Industry"},
        {"REG-KTO", "REG", "関東経済産業局", "Kanto Bureau of Economy, Trade and Industry"},
        {"REG-CBU", "REG", "中部経済産業局", "Chubu Bureau of Economy, Trade and Industry"},
        {"REG-KKI", "REG", "近畿経済産業局", "Kinki Bureau of Economy, Trade and Industry"},
        {"REG-KYU", "REG", "九州経済産業局", "Kyushu Bureau of Economy, Trade and Industry"},
    };
    return divisions;
}

const std::vector<UserFields>& demo_users() {
    static const std::vector<UserFields> users{
        {"sato.hanako", "佐藤 花子", "サトウ ハナコ", "MIN-SOM", {Role::staff}, "", "sato.hanako@example.go.jp"},
        {"suzuki.ichiro", "鈴木 一郎", "スズキ イチロウ", "ECO-SAN", {Role::staff}, "", "suzuki.ichiro@example.go.jp"},
        {"takahashi.yuki", "髙橋 由紀", "タカハシ ユキ", "JPO-SHI", {Role::staff}, "", "takahashi.yuki@example.go.jp"},
        {"tanaka.kenji", "田中 健二", "タナカ ケンジ", "REG-KTO", {Role::staff}, "", "tanaka.kenji@example.go.jp"},
        {"ito.misaki", "伊藤 美咲", "イトウ ミサキ", "TRD-ASI", {Role::staff}, "", "ito.misaki@example.go.jp"},
        {"watanabe.takeshi", "渡辺 剛", "ワタナベ タケシ", "MIN-SOM", {Role::manager}, "", "watanabe.takeshi@example.go.jp"},
        {"yamamoto.naoko", "山本 直子", "ヤマモト ナオコ", "JPO-SHI", {Role::manager}, "", "yamamoto.naoko@example.go.jp"},
        {"nakamura.daisuke", "中村 大輔", "ナカムラ ダイスケ", "MIN-JOH", {Role::desk_operator}, "", "nakamura.daisuke@example.go.jp"},
        {"kobayashi.ai", "小林 愛", "コバヤシ アイ", "MIN-JOH", {Role::desk_operator}, "", "kobayashi.ai@example.go.jp"},
        {"kato.satoshi", "加藤 聡", "カトウ サトシ", "MIN-JOH", {Role::it_office}, "", "kato.satoshi@example.go.jp"},
        {"yoshida.makoto", "吉田 誠", "ヨシダ マコト", "MIN-JOH", {Role::vendor}, "リコージャパン株式会社", "yoshida.makoto@example.co.jp"},
        {"yamada.rie", "山田 理恵", "ヤマダ リエ", "MIN-JOH", {Role::vendor}, "日本HP株式会社", "yamada.rie@example.com"},
        {"sasaki.jun", "佐々木 淳", "ササキ ジュン", "MIN-KAI", {Role::auditor}, "", "sasaki.jun@example.go.jp"},
        {"admin", "システム管理者", "", "MIN-JOH", {Role::admin}, "", ""},
    };
    return users;
}

// 職員証 numbers, so the counter can be tried with the demo staff: one per user, in
// demo_users() order.
std::string demo_staff_card(std::size_t index) { return "MT" + std::to_string(100001 + index); }

}  // namespace

std::string random_demo_password() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium cannot be initialised");
    constexpr std::string_view alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string password;
    for (int index = 0; index < 16; ++index) {
        password += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
    }
    return password;
}

std::optional<std::vector<DemoAccount>> demo_accounts() {
    std::vector<DemoAccount> accounts;
    for (const auto& fields : demo_users()) {
        DemoAccount account{fields, random_demo_password(), {}};
        auto hash = hash_password(account.password);
        if (!hash) return std::nullopt;
        account.password_hash = std::move(*hash);
        accounts.push_back(std::move(account));
    }
    return accounts;
}

store::Status seed_demo_organisation(store::Database& database, const std::vector<DemoAccount>& accounts,
                                     const audit::Actor& actor) {
    std::vector<DivisionChange> changes;
    for (const auto& division : demo_divisions()) {
        auto existing = find_division(database, division.code);
        if (!existing) return store::Error{existing.error()};
        const auto& before = existing.value();
        if (before && before->parent_code == division.parent_code && before->name_ja == division.name_ja &&
            before->name_en == division.name_en) {
            continue;
        }
        changes.push_back({0, before, division});
    }
    if (auto stored = apply_division_changes(database, changes, actor); !stored) return stored;
    const auto now = calendar::now();
    for (std::size_t index = 0; index < accounts.size(); ++index) {
        const auto& account = accounts[index];
        auto id = insert_user(database, account.fields, account.password_hash, now);
        if (!id) return store::Error{id.error()};
        auto issued = set_staff_card(database, id.value(), demo_staff_card(index));
        if (!issued) return store::Error{issued.error()};
        auto stored = find_user(database, id.value());
        if (!stored || !stored.value()) return store::Error{"a demo user cannot be read back"};
        auto recorded = audit::record(
            database, {actor, "user.created", "user", std::to_string(id.value()), std::nullopt, to_json(*stored.value())});
        if (!recorded) return recorded;
    }
    return store::success();
}

}  // namespace madoguchi::server::identity
