import type { MessageStep } from './message-step.ts';

/**
 * The default template of each framework step (spec section 6), by CLI name.
 * They are ordinary template sources: copy one to a .liquid file to adapt it.
 */

/** One sentence about the primary hook, for whichever kind it is. */
const hookSentence = `{% case hook.kind %}
{%- when "shared_employer" -%}I noticed we both worked at {{ hook.company }}.
{%- when "shared_school" -%}I see we both studied at {{ hook.school }}.
{%- when "recent_move" -%}{% if hook.promotion %}Congrats on the promotion to {{ hook.title }}!{% else %}Congrats on the new role at {{ hook.company }}!{% endif %}
{%- when "tenure_milestone" -%}Congrats on {{ hook.years }} {% if hook.years == 1 %}year{% else %}years{% endif %} at {{ hook.company }}!
{%- when "skill_match" -%}Your {{ hook.skill }} background stood out to me.
{%- when "mutual_connections" -%}I see we have {{ hook.count }} mutual {% if hook.count == 1 %}connection{% else %}connections{% endif %}.
{%- when "current_role" -%}{% if hook.title %}Your work as {{ hook.title }} at {{ hook.company }} caught my eye.{% else %}Your work at {{ hook.company }} caught my eye.{% endif %}
{%- when "location" -%}I'm reaching out to a few people in {{ hook.place }}.
{%- endcase %}`;

const connectionNote = `---
name: connection-note
step: connection_note
intent: A short, warm connection request that names one specific thing from their profile and hints at the role, without a hard pitch.
---
Hi {{ candidate.first_name | default: "there" }},
${hookSentence} {% optional priority: 2, name: "role" %}I'm hiring {{ role.title | with_article }} at {{ role.company }}{% optional priority: 1, name: "role location" %} in {{ role.location }}{% endoptional %} and thought of you.{% endoptional %}
Would be great to connect!{% optional priority: 3, name: "signature" %}
– {{ sender.first_name }}{% endoptional %}
`;

const followUp = `---
name: follow-up
step: follow_up
intent: Sent 3-5 days after they accept: thank them, explain the opportunity in a few lines and ask for a short call.
---
Hi {{ candidate.first_name | default: "there" }},

Thanks for connecting!{% optional priority: 2, name: "hook" %} ${hookSentence}{% endoptional %}

{% optional priority: 5, name: "role" %}I'm hiring {{ role.title | with_article }} at {{ role.company }}{% optional priority: 1, name: "role location" %} ({{ role.location }}){% endoptional %}.{% endoptional %}
{%- optional priority: 4, name: "pitch" %} {{ role.pitch }}{% endoptional %}
{%- optional priority: 3, name: "skill" %} With your {{ hooks.skill_match.skill }} experience, I think you could have a real impact there.{% endoptional %}

Would you be open to a short call this week or next?

Best,
{{ sender.first_name }}
`;

const inmail = `---
name: inmail
step: inmail
intent: Day 7-10, only if the connection request is still pending: mention the earlier request, one specific thing from the profile, the role in a sentence, and ask for a short chat. Stay under 400 characters.
subject: Following up{% optional priority: 1, name: "subject role" %}: {{ role.title }} at {{ role.company }}{% endoptional %}
---
Hi {{ candidate.first_name | default: "there" }},

I sent you a connection request last week and wanted to follow up here in case it got buried. ${hookSentence}

{% optional priority: 3, name: "role" %}I'm hiring {{ role.title | with_article }} at {{ role.company }}{% optional priority: 1, name: "role location" %} in {{ role.location }}{% endoptional %}.{% endoptional %}
{%- optional priority: 2, name: "pitch" %} {{ role.pitch }}{% endoptional %}

Open to a quick chat?

{{ sender.first_name }}
`;

const email = `---
name: email
step: email
intent: The last touchpoint when LinkedIn got no answer: short, polite, mentions the earlier LinkedIn messages and makes it easy to say no.
subject: {{ role.title | default: "A role you might like" }}{% optional priority: 1, name: "subject company" %} at {{ role.company }}{% endoptional %}
---
Hi {{ candidate.first_name | default: "there" }},

I reached out on LinkedIn recently and wanted to try email as well. ${hookSentence}

{% optional priority: 3, name: "role" %}I'm hiring {{ role.title | with_article }} at {{ role.company }}{% optional priority: 1, name: "role location" %} ({{ role.location }}){% endoptional %}.{% endoptional %}
{%- optional priority: 2, name: "pitch" %} {{ role.pitch }}{% endoptional %}

If the timing is wrong, just let me know and I won't follow up again. Otherwise, would you have 15 minutes this week?

Best regards,
{{ sender.name }}
`;

export const defaultTemplateSources = {
  'connection-note': connectionNote,
  'follow-up': followUp,
  inmail,
  email,
} as const;

export type DefaultTemplateName = keyof typeof defaultTemplateSources;

export const defaultTemplateForStep: Record<MessageStep, DefaultTemplateName> = {
  connection_note: 'connection-note',
  follow_up: 'follow-up',
  inmail: 'inmail',
  email: 'email',
};

export function isDefaultTemplateName(name: string): name is DefaultTemplateName {
  return Object.hasOwn(defaultTemplateSources, name);
}
