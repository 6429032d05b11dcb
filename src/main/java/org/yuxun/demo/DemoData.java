package org.yuxun.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuxun.shared.CreditCode;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.YuxunProperties;

/**
 * The demo province a newcomer sees on first start: Zhejiang with its education and HRSS authorities, colleges
 * of several kinds in two cities, partner enterprises, venues, and one account per role. Loaded once, in one
 * transaction; later capabilities extend it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "Yuxun@2026";

    /** username → what the account is for; printed at start-up. */
    static final Map<String, String> ACCOUNTS = new LinkedHashMap<>();

    static {
        ACCOUNTS.put("admin", "平台管理员");
        ACCOUNTS.put("zj-edu", "浙江省教育厅（全省职业院校）");
        ACCOUNTS.put("zj-hrss", "浙江省人力资源和社会保障厅（全省技工院校、培训与评价机构、补贴）");
        ACCOUNTS.put("hz-hrss", "杭州市人力资源和社会保障局");
        ACCOUNTS.put("nb-edu", "宁波市教育局");
        ACCOUNTS.put("college-admin", "浙江育训职业技术学院 院校管理员");
        ACCOUNTS.put("trainer", "浙江育训职业技术学院 培训管理员");
        ACCOUNTS.put("teacher", "浙江育训职业技术学院 教师");
        ACCOUNTS.put("nb-college", "宁波海港职业技术学院 院校管理员");
        ACCOUNTS.put("tech-school", "杭州市高级技工学校 院校管理员");
        ACCOUNTS.put("ent-hr", "杭州智造装备有限公司 人力资源");
        ACCOUNTS.put("learner", "学员 王小明");
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PasswordEncoder passwords;
    private final YuxunProperties properties;
    private final List<DemoExtension> extensions;

    DemoData(JdbcClient jdbc, TransactionTemplate tx, PasswordEncoder passwords, YuxunProperties properties,
             List<DemoExtension> extensions) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.passwords = passwords;
        this.properties = properties;
        this.extensions = extensions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo().enabled()) {
            return;
        }
        DataScope.asSystem(() -> {
            boolean loaded = jdbc.sql("select exists (select 1 from app_user where username = 'admin')")
                    .query(Boolean.class).single();
            if (!loaded) {
                tx.executeWithoutResult(status -> load());
                log.info("Demo data loaded");
            }
        });
        printBanner();
    }

    private void load() {
        long zjEdu = authority("浙江省教育厅", "EDUCATION", "PROVINCE", "330000");
        long zjHrss = authority("浙江省人力资源和社会保障厅", "HUMAN_RESOURCES", "PROVINCE", "330000");
        long hzEdu = authority("杭州市教育局", "EDUCATION", "CITY", "330100");
        long hzHrss = authority("杭州市人力资源和社会保障局", "HUMAN_RESOURCES", "CITY", "330100");
        long nbEdu = authority("宁波市教育局", "EDUCATION", "CITY", "330200");
        authority("宁波市人力资源和社会保障局", "HUMAN_RESOURCES", "CITY", "330200");
        authority("教育部", "EDUCATION", "NATIONAL", null);
        authority("人力资源和社会保障部", "HUMAN_RESOURCES", "NATIONAL", null);
        authority("江苏省教育厅", "EDUCATION", "PROVINCE", "320000");
        authority("江苏省人力资源和社会保障厅", "HUMAN_RESOURCES", "PROVINCE", "320000");

        long college = institution("浙江育训职业技术学院", "育训职院", "HIGHER_VOCATIONAL", "330106", hzEdu,
                "12330000", "杭州市西湖区留和路 318 号", false);
        long nbCollege = institution("宁波海港职业技术学院", "海港职院", "HIGHER_VOCATIONAL", "330212", nbEdu,
                "12330200", "宁波市鄞州区学府路 1 号", false);
        long techSchool = institution("杭州市高级技工学校", "杭州高级技工", "SENIOR_TECHNICAL_SCHOOL", "330105", hzHrss,
                "12330100", "杭州市拱墅区丽水路 88 号", true);
        institution("杭州市西湖区职业高级中学", "西湖职高", "SECONDARY_VOCATIONAL", "330106", hzEdu, "12330106",
                "杭州市西湖区转塘街道 9 号", false);
        institution("浙江匠心职业技能培训学校", "匠心培训", "TRAINING_PROVIDER", "330102", hzHrss, "52330102",
                "杭州市上城区望江路 66 号", false);
        institution("浙江省职业技能评价中心", "省技能评价中心", "EVALUATION_ORGANISATION", "330105", zjHrss, "12330000",
                "杭州市拱墅区体育场路 100 号", true);
        institution("苏州吴门职业技术学院", "吴门职院", "HIGHER_VOCATIONAL", "320506", null, "12320500",
                "苏州市吴中区东吴南路 2 号", false);

        long smartMfg = enterprise("杭州智造装备有限公司", "330110", "C", "MEDIUM", true, "91330110");
        long elder = enterprise("杭州康养服务集团有限公司", "330106", "Q", "LARGE", false, "91330106");
        long port = enterprise("宁波港通物流有限公司", "330206", "G", "LARGE", true, "91330206");
        partner(college, smartMfg);
        partner(college, elder);
        partner(nbCollege, port);
        partner(techSchool, smartMfg);

        venue("实训楼 A101 理论教室", "CLASSROOM", college, null, "浙江育训职业技术学院 实训楼 A101", 60);
        venue("智能制造实训基地", "TRAINING_BASE", college, null, "浙江育训职业技术学院 工程中心一楼", 40);
        venue("线上课堂", "ONLINE", college, null, null, 500);
        venue("智造装备 总装车间", "ENTERPRISE_SITE", null, smartMfg, "杭州市余杭区仓前街道 8 号", 30);
        venue("港口物流实训中心", "TRAINING_BASE", nbCollege, null, "宁波海港职业技术学院 东区", 50);
        venue("电工实训室", "TRAINING_BASE", techSchool, null, "杭州市高级技工学校 3 号楼", 40);

        user("admin", "平台管理员", "PLATFORM", null, "PLATFORM_ADMIN");
        user("zj-edu", "陈敏（省教育厅）", "AUTHORITY", zjEdu, "EDUCATION_OFFICER");
        user("zj-hrss", "刘洋（省人社厅）", "AUTHORITY", zjHrss, "HRSS_OFFICER");
        user("hz-hrss", "赵磊（杭州市人社局）", "AUTHORITY", hzHrss, "HRSS_OFFICER");
        user("nb-edu", "孙静（宁波市教育局）", "AUTHORITY", nbEdu, "EDUCATION_OFFICER");
        user("college-admin", "周建国", "INSTITUTION", college, "INSTITUTION_ADMIN");
        user("trainer", "李芳", "INSTITUTION", college, "TRAINING_OFFICER");
        user("teacher", "王强", "INSTITUTION", college, "TEACHER");
        user("nb-college", "吴海", "INSTITUTION", nbCollege, "INSTITUTION_ADMIN");
        user("tech-school", "郑伟", "INSTITUTION", techSchool, "INSTITUTION_ADMIN");
        user("ent-hr", "何丽", "ENTERPRISE", smartMfg, "ENTERPRISE_HR");
        user("learner", "王小明", "NONE", null, "LEARNER");

        DemoContext context = new DemoContext(college, nbCollege, techSchool, smartMfg, elder, port);
        extensions.forEach(extension -> extension.load(context));
    }

    private long authority(String name, String kind, String level, String region) {
        return jdbc.sql("insert into authority (name, kind, level, region_code) values (?, ?, ?, ?) returning id")
                .params(name, kind, level, region).query(Long.class).single();
    }

    private long institution(String name, String shortName, String kind, String region, Long authority,
                             String codePrefix, String address, boolean evaluator) {
        return jdbc.sql("""
                        insert into institution (name, short_name, kind, credit_code, region_code,
                                                 supervising_authority_id, address, contact_name, contact_phone,
                                                 registered_evaluator)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(name, shortName, kind, creditCode(codePrefix, name), region, authority, address, "培训处",
                        "0571-8800" + String.format("%04d", Math.abs(name.hashCode()) % 10000), evaluator)
                .query(Long.class).single();
    }

    private long enterprise(String name, String region, String industry, String size, boolean certified,
                            String codePrefix) {
        return jdbc.sql("""
                        insert into enterprise (name, credit_code, region_code, industry_code, size,
                                                industry_education_certified, address, contact_name, contact_phone)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(name, creditCode(codePrefix, name), region, industry, size, certified,
                        "浙江省", "人力资源部", "0571-8600" + String.format("%04d", Math.abs(name.hashCode()) % 10000))
                .query(Long.class).single();
    }

    private void partner(long institution, long enterprise) {
        jdbc.sql("insert into enterprise_partner (institution_id, enterprise_id) values (?, ?)")
                .params(institution, enterprise).update();
    }

    private void venue(String name, String kind, Long institution, Long enterprise, String address, int capacity) {
        jdbc.sql("""
                        insert into venue (name, kind, institution_id, enterprise_id, address, capacity)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(name, kind, institution, enterprise, address, capacity).update();
    }

    private void user(String username, String displayName, String orgKind, Long orgId, String role) {
        long id = jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, org_kind, org_id)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(username, passwords.encode(PASSWORD), displayName, orgKind, orgId)
                .query(Long.class).single();
        jdbc.sql("insert into user_role (user_id, role_code) values (?, ?)").params(id, role).update();
    }

    /** A valid GB 32100 code: the given first 8 characters, 9 derived from the name, and the check character. */
    static String creditCode(String prefix, String name) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder(prefix);
        long seed = Integer.toUnsignedLong(name.hashCode()) * 2654435761L;
        while (code.length() < 17) {
            code.append(alphabet.charAt((int) Math.floorMod(seed, 31L)));
            seed = Math.floorDiv(seed, 31L) + 7919L * code.length();
        }
        return code.toString() + CreditCode.checkCharacter(code.toString());
    }

    private void printBanner() {
        StringBuilder banner = new StringBuilder("\n\n  育训 Yuxun is running at ").append(properties.publicBaseUrl())
                .append("\n\n  Demo accounts (password ").append(PASSWORD).append("):\n");
        ACCOUNTS.forEach((username, what) -> banner.append(String.format("    %-14s %s%n", username, what)));
        log.info(banner.toString());
    }
}
