package org.yuxun.people;

/**
 * Correct a person's name or change the contact number the caller's organisation holds. The identity document
 * cannot be edited: it is what makes the record this human, and a wrong number means a different person.
 *
 * @param name the name as on the document
 * @param confirmNameChange the user confirmed that a changed name is a correction of the same person; without it
 *     a changed name is refused, since every organisation linked to the person sees the new name
 * @param phone a new contact number; blank keeps the current one
 * @param removePhone remove the contact number
 * @param version the version the user edited, for optimistic locking
 */
public record EditPerson(String name, boolean confirmNameChange, String phone, boolean removePhone,
                         Integer version) {

    @Override
    public String toString() {
        return "EditPerson[version=" + version + "]";
    }
}
