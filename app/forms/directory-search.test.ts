import { describe, expect, it } from "vitest";
import { directoryFilterErrors, parseDirectorySearch } from "./directory-search";

const errorsOf = (query: string) => directoryFilterErrors(new URLSearchParams(query));

describe("the directory page's filter errors", () => {
  it("names each filter the page cannot use, in a sentence", () => {
    expect(errorsOf("age=25&district=abc&type=unknown&la=12")).toEqual({
      la: "Choose a local authority from the list",
      district: "Enter a postcode district, like NW1",
      type: "Choose a type of provision from the list",
      age: "Enter the child's age as a whole number from 4 to 19",
    });
    for (const age of ["abc", "3", "20", "12.5", "-1"]) expect(errorsOf(`age=${age}`)).toEqual({ age: "Enter the child's age as a whole number from 4 to 19" });
  });

  it("has nothing to say about good or empty filters, which the search then uses", () => {
    expect(errorsOf("age=4&district=nw1&type=academic&la=202")).toEqual({});
    expect(errorsOf("age=19")).toEqual({});
    expect(errorsOf("age=&district=+&type=&la=")).toEqual({});
    expect(parseDirectorySearch(new URLSearchParams("age=12&district=nw1"))).toMatchObject({ age: 12, district: "NW1" });
  });
});
