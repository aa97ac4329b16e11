#include "knowledge/demo_knowledge.hpp"

#include <vector>

#include "knowledge/article_write.hpp"

namespace madoguchi::server::knowledge {
namespace {

struct DemoArticle {
    const char* question;
    const char* answer;
    const char* category;
    std::vector<Audience> audiences;
};

const std::vector<DemoArticle>& demo_articles() {
    using enum Audience;
    static const std::vector<DemoArticle> articles{
        {"プリンタ・複合機で紙詰まりが起きたときは？",
         "1. 画面に表示される場所（給紙トレイ、前面カバー、排紙部）を確認します。\n"
         "2. カバーを開け、用紙を破らないようにゆっくり引き抜いてください。\n"
         "3. カバーを閉じると印刷が再開されます。\n"
         "表示が消えない場合や用紙がちぎれて残った場合は、無理に取らず運用窓口へ連絡してください（保守業者が訪問します）。",
         "複合機・プリンタ", {staff, chatbot}},
        {"複合機のトナーが少ない・交換の表示が出たときは？",
         "トナーは運用窓口が残量を監視し、少なくなると自動で手配しています。\n"
         "「交換してください」と表示されたら、複合機の横に届いている新しいトナーと交換してください。"
         "前面カバーを開け、レバーを下げて古いカートリッジを抜き、新しいものをよく振ってから差し込みます。\n"
         "新しいトナーが見当たらない場合は、設置場所（建物・階・部屋）を添えて運用窓口へ連絡してください。",
         "トナー交換", {staff, chatbot}},
        {"iPad（タブレット）を借りるには？貸出手続き",
         "窓口ポータルの「貸出申請」から、使う期間と用途を入力して申請してください。課室等管理者の承認後、"
         "運用窓口のカウンターで職員証を提示して受け取ります。\n"
         "返却は期限日の18時15分までにカウンターへ。延長は期限の前日までに申請から行えます。",
         "貸出", {staff, chatbot}},
        {"モバイルプリンタ・モバイルスキャナを借りるには？",
         "出張や会議で使うモバイルプリンタ（HP OfficeJet 200 Mobile）とモバイルスキャナ（Canon DR-P208II）は、"
         "iPad と同じく「貸出申請」から申請し、カウンターで受け取ります。ACアダプタとケーブルも一緒に返却してください。",
         "貸出", {staff, chatbot}},
        {"GSS端末のパスワードを忘れた・再設定したい",
         "パスワードの再設定は本人確認が必要なため、運用窓口（内線 4100）へ電話するか、カウンターへ職員証をお持ちください。"
         "仮パスワードを発行しますので、次にサインインしたときに新しいパスワードへ変更してください。\n"
         "パスワードは12文字以上で、他人に教えないでください。",
         "GSS端末", {staff, chatbot}},
        {"GSS端末を紛失した・盗まれたときは？",
         "すぐに運用窓口（内線 4100）へ連絡してください。夜間・休日は窓口ポータルの「紛失・盗難の届出」から届け出てください。\n"
         "運用窓口が端末を利用停止にし、情報システム室へ報告します。見つかった場合も必ず連絡してください。",
         "セキュリティ", {staff, desk, chatbot}},
        {"PC-Talker が起動しない・読み上げない",
         "1. スピーカーやヘッドホンの音量とミュートを確認します。\n"
         "2. Ctrl＋Alt＋F12 で PC-Talker Neo Plus を再起動します。\n"
         "3. それでも読み上げない場合は、GSS端末を再起動してください。\n"
         "ライセンスは15台分のため、端末を替えた場合は運用窓口へ連絡してください（構成管理で割り当てを移します）。",
         "PC-Talker", {staff, desk}},
        {"Slack にログインできない",
         "ワークスペースのURLが正しいか確認し、GSS端末のアカウント（シングルサインオン）でログインしてください。\n"
         "「アカウントがありません」と表示される場合は、Slack Business+ の席が割り当てられていない可能性があります。"
         "課室等管理者を通じて運用窓口へ利用申請をしてください。",
         "Slack", {staff, chatbot}},
        {"チャットボットの使い方",
         "窓口ポータルの右下の「チャットで質問」を押し、知りたいことを短い文で入力してください（例：トナー 交換）。"
         "チャットボットは24時間、よくある質問に答えます。\n"
         "解決しない場合は「担当者に引き継ぐ」を押すと、運用窓口の受付時間（平日8時30分〜18時15分）に担当者が回答します。",
         "チャットボット", {staff, chatbot}},
        {"業務用PCの画面が映らない",
         "電源ランプが点いているか、ディスプレイのケーブルがしっかり差し込まれているかを確認してください。"
         "ノートPC（Dynabook）の場合は Fn＋F4 で表示先を切り替えられます。\n"
         "改善しない場合は資産番号（本体のラベル）を添えて運用窓口へ問い合わせてください。",
         "業務用PC", {staff, chatbot}},
        {"複合機の設置・移設・撤去を申請するには？",
         "課室等管理者が窓口ポータルの「設置・移設・撤去申請」から、場所と希望日を入力して申請します。"
         "GSSネットワークとの調整（所管省庁経由）と保守業者の作業があるため、希望日の3週間前までに申請してください。",
         "申請", {staff}},
        {"紙詰まりの連絡を受けたときの窓口対応",
         "1. 台帳で機器（資産番号・設置場所）を確認し、テレメトリのエラー表示を見ます。\n"
         "2. 職員に取り除き方を案内し（職員向け記事「紙詰まり」）、解消しない場合はインシデントを起票します。\n"
         "3. 保守業者（平日9時〜17時）へ訪問修理を依頼し、チケットに業者の回答予定を記録します。",
         "複合機・プリンタ", {desk}},
    };
    return articles;
}

store::Result<bool> already_there(store::Database& database, const char* question) {
    auto select = database.prepare("SELECT 1 FROM knowledge_articles WHERE question = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, std::string(question));
    auto found = select.value().step();
    if (!found) return store::Error{found.error()};
    return found.value();
}

}  // namespace

store::Result<std::int64_t> seed_demo_knowledge(store::Database& database, const audit::Actor& actor) {
    std::int64_t added = 0;
    for (const auto& demo : demo_articles()) {
        auto there = already_there(database, demo.question);
        if (!there) return store::Error{there.error()};
        if (there.value()) continue;
        const ArticleVersion first{1, demo.question, demo.answer, demo.category, demo.audiences, ArticleState::draft, "", "", ""};
        auto created = create_article_as(database, actor, first, std::nullopt);
        if (!created) return store::Error{created.error()};
        auto published = created.value().current;
        published.state = ArticleState::published;
        published.reason = "公開";
        auto moved = change_article_as(database, actor, created.value(), published, 1, "knowledge.published");
        if (!moved) return store::Error{moved.error()};
        ++added;
    }
    return added;
}

}  // namespace madoguchi::server::knowledge
