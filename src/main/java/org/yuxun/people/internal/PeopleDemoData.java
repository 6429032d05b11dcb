package org.yuxun.people.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.demo.DemoContext;
import org.yuxun.demo.DemoExtension;
import org.yuxun.people.OrgRef;
import org.yuxun.people.PersonRef;
import org.yuxun.people.PersonRegistry;
import org.yuxun.people.RegisterPerson;
import org.yuxun.people.Relation;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.IdentityNumber;

/**
 * The demo's real-name persons: learners of 浙江育训职业技术学院 and 宁波海港职业技术学院 (one of them at both, to show
 * a shared person), workers of 杭州智造装备有限公司, the college's staff behind the teacher, trainer and
 * administrator accounts, and 王小明 behind the learner account. Identity numbers are valid GB 11643 numbers made
 * up from real address codes, most of them in Zhejiang; the set includes residence-permit holders, a passport
 * holder, a name with the middle dot and one with the CJK Extension B character 𠮷, which PDF certificates must
 * print.
 *
 * <p>Loaded first among the demo extensions, since the training parts of the demo enrol these persons.
 */
@Component
@Order(10)
class PeopleDemoData implements DemoExtension {

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final PersonRegistry registry;
    private final JdbcClient jdbc;

    PeopleDemoData(PersonRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    @Override
    public void load(DemoContext context) {
        OrgRef college = new OrgRef(OrgRef.Kind.INSTITUTION, context.college());
        OrgRef ningbo = new OrgRef(OrgRef.Kind.INSTITUTION, context.ningboCollege());
        OrgRef smartManufacturing = new OrgRef(OrgRef.Kind.ENTERPRISE, context.smartManufacturing());

        RegisterPerson wangXiaoming = id("王小明", "330106", "20030512", 31, "13905710001");
        RegisterPerson zhangWei = id("张伟", "330102", "19980217", 15, "13905710002");
        RegisterPerson luoXin = id("罗欣", "330212", "20020909", 24, "13905740003");
        List<PersonRef> learners = registry.registerAll(List.of(
                wangXiaoming,
                zhangWei,
                id("李娜", "330105", "20010630", 42, "13905710004"),
                id("刘洋", "330108", "19991103", 57, "13905710005"),
                id("陈静", "330109", "20020128", 68, null),
                id("杨帆", "330110", "20000814", 71, "13905710007"),
                id("赵敏", "330122", "19960305", 82, "13905710008"),
                id("黄磊", "330127", "19881220", 93, "0571-86012345"),
                id("周婷", "330182", "20030719", 104, "13905710010"),
                id("吴俊杰", "330183", "19950402", 115, null),
                id("徐丽", "330185", "19900926", 126, "13905710012"),
                id("孙浩", "330106", "20040115", 137, "13905710013"),
                id("胡晓燕", "330104", "19850611", 148, "13905710014"),
                id("朱志强", "330105", "19790823", 159, "13905710015"),
                id("高峰", "331002", "19921008", 161, "13905760016"),
                id("陈𠮷祥", "330106", "19970321", 173, "13905710017"),
                id("阿依古丽·买买提", "650102", "20010507", 182, "13905710018"),
                permit(DocumentType.HK_MACAO_RESIDENCE_PERMIT, "何佳怡", "810000", "20000216", 194, "13905710019"),
                permit(DocumentType.TAIWAN_RESIDENCE_PERMIT, "林美玲", "830000", "19941124", 206, "13905710020"),
                new RegisterPerson(DocumentType.PASSPORT, "EB3716842", "郭子豪", "13905710021"),
                luoXin), college.as(Relation.LEARNER));

        registry.registerAll(List.of(
                luoXin,
                id("梁宇", "330203", "20010418", 213, "13905740022"),
                id("宋佳", "330205", "20020602", 224, "13905740023"),
                id("郑凯", "330206", "19991230", 235, null),
                id("谢雨桐", "330211", "20031111", 246, "13905740025")), ningbo.as(Relation.LEARNER));

        registry.registerAll(List.of(
                zhangWei,
                id("韩雪", "330110", "19930819", 252, "13905710026"),
                id("唐伟", "330110", "19870114", 263, "13905710027"),
                id("冯晨", "330106", "19940505", 271, "13905710028"),
                id("于洋", "330102", "19910927", 285, "13905710029")), smartManufacturing.as(Relation.EMPLOYEE));

        List<PersonRef> staff = registry.registerAll(List.of(
                id("王强", "330106", "19820310", 317, "13905710030"),
                id("李芳", "330103", "19860722", 328, "13905710031"),
                id("周建国", "330105", "19750601", 335, "13905710032")), college.as(Relation.STAFF));

        account("learner", learners.getFirst().id());
        account("teacher", staff.get(0).id());
        account("trainer", staff.get(1).id());
        account("college-admin", staff.get(2).id());
    }

    private void account(String username, long personId) {
        jdbc.sql("update app_user set person_id = ? where username = ?").params(personId, username).update();
    }

    private static RegisterPerson id(String name, String region, String birth, int sequence, String phone) {
        return permit(DocumentType.RESIDENT_ID_CARD, name, region, birth, sequence, phone);
    }

    /**
     * A GB 11643 number from an address code, a birth date and a sequence whose last digit gives the sex (odd
     * male, even female), as the standard lays it out.
     */
    private static RegisterPerson permit(DocumentType type, String name, String region, String birth, int sequence,
                                         String phone) {
        String first17 = region + LocalDate.parse(birth, YYYYMMDD).format(YYYYMMDD) + String.format("%03d", sequence);
        return new RegisterPerson(type, first17 + IdentityNumber.checkCharacter(first17), name, phone);
    }
}
