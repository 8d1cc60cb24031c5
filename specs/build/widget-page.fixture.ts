import type { ServiceModel } from './service-model.ts';

/**
 * A small made-up page in the documents' format, for unit tests: a `(request, response)` Changes block
 * with an inline literal, nested `[REQUIRED]` bullets, exclusions at two depths, a map and a list of
 * structures in the response. The header uses a no-break space, as the real pages do.
 */
export const WIDGET_PAGE = `Example Service

Widget\u00a0(updated) Link ¶
Changes (request, response)
Request {'Mode': {'FAST'}}
Response
{'Items': {'Extra': 'string'}}

Changes a widget.

Request Syntax

client.widget(
    Mode='SLOW'|'FAST'|'ADMIN',
    Config={
        'Flows': [
            'X'|'Y'|'Z',
        ],
        'Inner': {
            'Key': 'string',
            'Size': 123
        }
    },
    Labels={
        'string': 'string'
    }
)
type Mode:

string

param Mode:

[REQUIRED]

How fast.

ADMIN is not a valid value.

type Config:

dict

param Config:

The configuration.

  • Flows (list) -- [REQUIRED]

    Which flows.

    • (string) --

    Z is not a valid value.

  • Inner (dict) --

    • Key (string) -- [REQUIRED]

    • Size (integer) --

type Labels:

dict

param Labels:

  • (string) --

    • (string) --

rtype:

dict

returns:

Response Syntax

{
    'Items': [
        {
            'Extra': 'string',
            'When': datetime(2015, 1, 1)
        },
    ]
}

Response Structure

  • (dict) --

    • Items (list) --

      • (dict) --

        • Extra (string) --

        • When (datetime) --
`;

/** A model for {@link WIDGET_PAGE}: constraints, one pattern JavaScript cannot compile, errors out of order. */
export const WIDGET_MODEL: ServiceModel = {
  name: 'widget.service-2.json',
  operations: {
    Widget: {
      input: { shape: 'WidgetRequest' },
      output: { shape: 'WidgetResponse' },
      errors: [{ shape: 'ZetaException' }, { shape: 'AlphaException' }],
    },
  },
  shapes: {
    WidgetRequest: {
      type: 'structure',
      required: ['Mode'],
      members: { Mode: { shape: 'Mode' }, Config: { shape: 'Config' }, Labels: { shape: 'Labels' } },
    },
    Mode: { type: 'string', enum: ['SLOW', 'FAST', 'ADMIN'] },
    Config: {
      type: 'structure',
      required: ['Flows'],
      members: { Flows: { shape: 'Flows' }, Inner: { shape: 'Inner' } },
    },
    Flows: { type: 'list', member: { shape: 'Flow' }, min: 1, max: 3 },
    Flow: { type: 'string', enum: ['X', 'Y', 'Z'] },
    Inner: {
      type: 'structure',
      required: ['Key'],
      members: { Key: { shape: 'Key' }, Size: { shape: 'Size' } },
    },
    Key: { type: 'string', min: 1, max: 8, pattern: '[a-z]++' },
    Size: { type: 'long', min: 0, max: 10 },
    Labels: { type: 'map', key: { shape: 'Text' }, value: { shape: 'Label' } },
    Label: { type: 'string', max: 5, pattern: '\\p{IsL}+' },
    Text: { type: 'string' },
    WidgetResponse: { type: 'structure', members: { Items: { shape: 'Items' } } },
    Items: { type: 'list', member: { shape: 'Item' } },
    Item: { type: 'structure', members: { Extra: { shape: 'Text' }, When: { shape: 'Time' } } },
    Time: { type: 'timestamp' },
  },
};
